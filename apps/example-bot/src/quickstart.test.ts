import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'

/** This app depends on the runtime, so the example's import resolves here. */
const appDir = join(import.meta.dirname, '..')
const readme = readFileSync(join(appDir, '..', '..', 'README.md'), 'utf8')

let simulator: Simulator | undefined

afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

/** The first TypeScript block of the README's "Example" section. */
function readmeExample(): string {
  const match = /^## Example\n+```ts\n([\s\S]*?)^```/m.exec(readme)
  if (match?.[1] === undefined)
    throw new Error('README has no ## Example ts block')
  return match[1]
}

test('default: the README example is at most 15 lines', () => {
  expect(readmeExample().trimEnd().split('\n').length).toBeLessThanOrEqual(15)
})

test('behavior: the README example runs against the simulator and stops on Ctrl-C', async () => {
  simulator = await startSimulator({ seed: 11 })
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env))
    if (key.startsWith('KRAKEN_')) delete env[key]
  env.KRAKEN_WS_PUBLIC_URL = simulator.publicUrl
  const child = spawn(
    join(appDir, 'node_modules', '.bin', 'tsx'),
    [
      '--conditions=@kraken-sockets/source',
      '--input-type=module',
      '-e',
      readmeExample(),
    ],
    { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
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
    /(BTC|ETH)\/USD last \d+(\.\d+)?/,
    /(buy|sell) [\d.]+ @ [\d.]+/,
    /BTC\/USD bid \d+(\.\d+)? ask \d+(\.\d+)?, in sync: true/,
  ]
  // Each handler has printed at least once: the example works end to end.
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
  expect(stdout).not.toMatch(/^\s+at /m)
  expect(simulator.stats.subscribes('ticker', 'ETH/USD')).toBe(1)
}, 30_000)
