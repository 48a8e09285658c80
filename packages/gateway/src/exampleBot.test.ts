import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { type Gateway, startGateway } from './gateway/startGateway.js'
import { startNatsServer, type TestNatsServer } from './testing/natsServer.js'

const packageDir = join(import.meta.dirname, '..')
const readme = readFileSync(join(packageDir, '..', '..', 'README.md'), 'utf8')

let nats: TestNatsServer | undefined
let simulator: Simulator | undefined
let gateway: Gateway | undefined

afterEach(async () => {
  await gateway?.stop()
  await simulator?.close()
  await nats?.stop()
})

/**
 * The root README's example with its one changed option: the client takes
 * `natsTransport()` and reads Kraken through the gateway.
 */
function exampleBehindGateway(): string {
  const match = /^## Example\n+```ts\n([\s\S]*?)^```/m.exec(readme)
  const example = match?.[1]
  if (example === undefined)
    throw new Error('README has no ## Example ts block')
  const changed = example.replace(
    /new KrakenWebSocketAPI\(\)/,
    'new KrakenWebSocketAPI({ transport: natsTransport({ servers: process.env.NATS_URL }) })',
  )
  if (changed === example)
    throw new Error('the example no longer builds its client as expected')
  return `import { natsTransport } from '@kraken-sockets/gateway'\n${changed}`
}

test('behavior: the README example runs behind a gateway with one option changed', async () => {
  nats = await startNatsServer()
  simulator = await startSimulator({ seed: 11 })
  gateway = await startGateway({
    servers: nats.url,
    retention: { storage: 'memory' },
    kraken: { publicUrl: simulator.publicUrl, restUrl: simulator.restUrl },
  })
  const env: NodeJS.ProcessEnv = { ...process.env, NATS_URL: nats.url }
  for (const key of Object.keys(env))
    if (key.startsWith('KRAKEN_')) delete env[key]
  const child = spawn(
    join(packageDir, 'node_modules', '.bin', 'tsx'),
    [
      '--conditions=@kraken-sockets/source',
      '--input-type=module',
      '-e',
      exampleBehindGateway(),
    ],
    { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  const expected = [
    /(BTC|ETH)\/USD (snapshot|update) last \d+(\.\d+)?/,
    /(buy|sell) [\d.]+ @ [\d.]+/,
    /BTC\/USD bid \d+(\.\d+)? ask \d+(\.\d+)?, in sync: true/,
  ]
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (expected.every((pattern) => pattern.test(stdout))) resolve()
    })
    exited.then(() => reject(new Error(`exited early:\n${stdout}\n${stderr}`)))
  })
  child.kill('SIGINT')
  expect(await exited).toBe(0)
  expect(stderr).toBe('')
  // The bot never spoke to Kraken: the gateway subscribed for it, once.
  expect(simulator.stats.subscribes('ticker', 'ETH/USD')).toBe(1)
  expect(gateway.stats().demands).toBeGreaterThanOrEqual(3)
})
