// Serves the ceiling app on PORT with CEILING_QUESTIONS questions: the benchmark starts it as a process of its own.
import { createCeilingApp } from './ceiling-app.js'

const app = createCeilingApp({ questions: Number(process.env.CEILING_QUESTIONS ?? 40) })
app.listen(Number(process.env.PORT ?? 3999), () => console.log('ceiling listening'))
