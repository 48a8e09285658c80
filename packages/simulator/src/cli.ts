#!/usr/bin/env node
import { runCli, USAGE, UsageError } from './cli/runCli.js'

/** The `kraken-simulator` command: runs until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const simulator = await runCli(process.argv.slice(2), (line) =>
    console.log(line),
  )
  if (simulator === undefined) return
  const stop = () => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    simulator.close().then(
      () => console.log('kraken-simulator stopped'),
      (error: unknown) => {
        console.error(error)
        process.exitCode = 1
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`)
  else console.error(error)
  process.exitCode = 1
})
