import { spawn } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { DeskUsageError, runDeskCli } from './runDeskCli.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempFolder() {
  const folder = await mkdtemp(join(tmpdir(), 'kraken-desk-cli-'))
  cleanup.push(() => rm(folder, { recursive: true, force: true }))
  return folder
}

test('default: starts on the embedded simulator and prints the URL and the token file', async () => {
  const tokenFile = join(await tempFolder(), 'tokens.json')
  const lines: string[] = []
  const cli = await runDeskCli(
    ['--port', '0', '--token-file', tokenFile],
    (line) => lines.push(line),
  )
  if (cli === undefined) throw new Error('the CLI did not start')
  cleanup.push(() => cli.close())
  expect(lines.join('\n')).toContain(`listening on ${cli.running.url}`)
  expect(lines.join('\n')).toContain(`tokens in ${tokenFile}`)
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600)
  expect(cli.running.desk.mode).toBe('paper')
  const health = await fetch(`${cli.running.url}/health`)
  expect(await health.json()).toEqual({ ok: true })
}, 30_000)

test('behavior: --paper says the live-paper venue is not available yet', async () => {
  const lines: string[] = []
  expect(
    await runDeskCli(['--paper'], (line) => lines.push(line)),
  ).toBeUndefined()
  expect(lines.join('\n')).toMatch(/not available yet/)
})

test('error: bad flags and --live without keys', async () => {
  await expect(runDeskCli(['--nope'], () => undefined)).rejects.toBeInstanceOf(
    DeskUsageError,
  )
  await expect(
    runDeskCli(['--live', '--validate'], () => undefined),
  ).rejects.toBeInstanceOf(DeskUsageError)
  const saved = process.env.KRAKEN_REST_API_KEY
  delete process.env.KRAKEN_REST_API_KEY
  try {
    await expect(runDeskCli(['--live'], () => undefined)).rejects.toThrow(
      /KRAKEN_REST_API_KEY/,
    )
  } finally {
    if (saved !== undefined) process.env.KRAKEN_REST_API_KEY = saved
  }
})

test('behavior: the bin runs via tsx and stops on SIGTERM', async () => {
  const tokenFile = join(await tempFolder(), 'tokens.json')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@kraken-sockets/source',
      join(import.meta.dirname, '..', 'cli.ts'),
      '--port',
      '0',
      '--token-file',
      tokenFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  expect((await fetch(`${url}/health`)).status).toBe(200)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', resolve),
  )
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(out).toContain('kraken-desk stopped')
}, 60_000)

test('error: a port in use rejects and leaves nothing running', async () => {
  const tokenFile = join(await tempFolder(), 'tokens.json')
  const first = await runDeskCli(
    ['--port', '0', '--token-file', tokenFile],
    () => undefined,
  )
  if (first === undefined) throw new Error('the CLI did not start')
  cleanup.push(() => first.close())
  await expect(
    runDeskCli(
      ['--port', String(first.running.port), '--token-file', tokenFile],
      () => undefined,
    ),
  ).rejects.toThrow(/EADDRINUSE/)
}, 60_000)
