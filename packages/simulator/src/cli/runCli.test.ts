import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { connect } from '../testing/client.js'
import { parseCliArgs, runCli, UsageError } from './runCli.js'

test('default', async () => {
  const lines: string[] = []
  const simulator = await runCli(['--seed', '7', '--rate', '0'], (line) =>
    lines.push(line),
  )
  if (simulator === undefined) throw new Error('no simulator')
  try {
    expect(lines).toContain(`  public   ${simulator.publicUrl}`)
    expect(lines).toContain(`  rest     ${simulator.restUrl}`)
    // The lines to export, under the runtime's variable names.
    expect(lines).toContain(
      `export KRAKEN_WS_PUBLIC_URL='${simulator.publicUrl}'`,
    )
    expect(lines).toContain(`export KRAKEN_REST_URL='${simulator.restUrl}'`)
    expect(
      lines.filter((line) => /^export KRAKEN_[A-Z0-9_]+='[^']+'$/.test(line)),
    ).toHaveLength(6)
  } finally {
    await simulator.close()
  }
})

test('behavior: arguments become options', () => {
  expect(
    parseCliArgs([
      '--port',
      '8080',
      '--level3-host',
      'auth',
      '--system',
      'maintenance',
      '--replay',
      'f.jsonl',
    ]),
  ).toEqual({
    port: 8080,
    level3Host: 'auth',
    system: 'maintenance',
    replay: { file: 'f.jsonl' },
  })
  expect(
    parseCliArgs([
      '--replay',
      'r.jsonl',
      '--pace',
      'original',
      '--record',
      'out.jsonl',
      '--rate-tier',
      'none',
      '--any-token',
    ]),
  ).toEqual({
    replay: { file: 'r.jsonl', pace: 'original' },
    record: 'out.jsonl',
    rateTier: false,
    auth: 'any-token',
  })
  expect(parseCliArgs(['--rate-tier', 'pro'])).toEqual({ rateTier: 'pro' })
  expect(parseCliArgs(['--help'])).toBe('help')
})

test('error: bad arguments', () => {
  expect(() => parseCliArgs(['--port', '-1'])).toThrow(UsageError)
  expect(() => parseCliArgs(['--bogus'])).toThrow(UsageError)
  expect(() => parseCliArgs(['--system', 'asleep'])).toThrow(UsageError)
  expect(() => parseCliArgs(['--pace', 'original'])).toThrow(UsageError)
  expect(() => parseCliArgs(['--rate-tier', 'gold'])).toThrow(UsageError)
})

test('behavior: the command prints its URLs and stops cleanly on SIGINT', async () => {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  const child = spawn(
    process.execPath,
    [
      // Workspace packages resolve to their sources, as in `pnpm dev`.
      '--conditions=@kraken-sockets/source',
      '--import',
      tsx,
      join(import.meta.dirname, '../cli.ts'),
      '--rate',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', resolve),
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk)
      const match = /public\s+(ws:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    child.on('exit', () => reject(new Error(`exited early: ${output}`)))
  })
  const client = await connect(url)
  expect(await client.next()).toContain('"channel":"status"')
  child.kill('SIGINT')
  expect((await client.closed).code).toBe(1006)
  expect(await exited).toBe(0)
  expect(output).toContain('kraken-simulator stopped')
})
