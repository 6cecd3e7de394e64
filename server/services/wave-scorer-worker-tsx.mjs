// Under tsx (npm start, the tests) the worker is TypeScript: a worker thread does not share the main thread's loader,
// so this registers tsx for its own imports (a namespace, so it never clashes with a loader already there) and hands
// piscina the worker's function. A build (bin/build.js) has its own wave-scorer-worker.js, which the pool loads instead.
import { register } from 'tsx/esm/api'

const tsx = register({ namespace: 'linkscore-wave-scorer' })
const worker = await tsx.import('./wave-scorer-worker.ts', import.meta.url)

export default worker.default
