#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli/args.js'
import { startGateway } from './gateway/startGateway.js'

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2))
  if (options === 'help') {
    console.log(USAGE)
    return
  }
  const gateway = await startGateway({
    ...options,
    onError: (error) => console.error(`kraken-gateway: ${error.message}`),
  })
  console.log(
    `kraken-gateway: publishing under ${gateway.prefix}.> to ${[options.servers].flat().join(', ')}`,
  )
  const stop = () => {
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(`kraken-gateway: ${error.message}`)
  process.exit(1)
})
