#!/usr/bin/env node
import { DESK_USAGE, DeskUsageError, runDeskCli } from './cli/runDeskCli.js'
import { DeskError } from './errors.js'

/** The `kraken-desk` command: runs until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const cli = await runDeskCli(process.argv.slice(2), (line) =>
    console.log(line),
  )
  if (cli === undefined) return
  const stop = () => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    cli.close().then(
      () => console.log('kraken-desk stopped'),
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
  if (error instanceof DeskUsageError)
    console.error(`${error.message}\n\n${DESK_USAGE}`)
  else if (error instanceof DeskError) console.error(error.message)
  else console.error(error)
  process.exitCode = 1
})
