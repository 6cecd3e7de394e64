// The built command line's entry point (bin/linkscore.js runs it): main.ts runs itself only when started directly.
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
