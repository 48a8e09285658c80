import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { loadOrCreateTokens } from '../http/tokens.js'
import { DeskUsageError, runDeskCli } from './runDeskCli.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** Polls until `check` passes (the paper venue mirrors its upstream asynchronously). */
async function eventually(check: () => Promise<void>, ms = 30_000) {
  const until = Date.now() + ms
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

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
})

test('behavior: --paper trades paper against a live upstream public feed', async () => {
  // The stand-in for Kraken's public feed: a second simulator on loopback.
  const up = await startSimulator({ rate: 0, seed: 'upstream' })
  cleanup.push(() => up.close())
  const folder = await tempFolder()
  const paperAccount = join(folder, 'paper-account.json')
  const lines: string[] = []
  const cli = await runDeskCli(
    [
      '--paper',
      '--upstream',
      up.publicUrl,
      '--paper-account',
      paperAccount,
      '--port',
      '0',
      '--token-file',
      join(folder, 'tokens.json'),
    ],
    (line) => lines.push(line),
  )
  if (cli === undefined) throw new Error('the CLI did not start')
  cleanup.push(() => cli.close())
  expect(cli.running.desk.mode).toBe('paper')
  expect(lines.join('\n')).toContain('live market with paper fills')
  const { trade } = await loadOrCreateTokens(join(folder, 'tokens.json'))
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${cli.running.url}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${trade}`,
        'Content-Type': 'application/json',
      },
    })
  const deskTop = async () => {
    const book = (await (
      await call('/book?symbol=BTC/USD&levels=1')
    ).json()) as {
      bids: { price: number }[]
      asks: { price: number }[]
    }
    return [book.bids[0]?.price, book.asks[0]?.price]
  }
  const upstreamTop = async () => {
    const response = await fetch(
      `${up.restUrl}/0/public/Depth?pair=XBTUSD&count=1`,
    )
    const json = (await response.json()) as {
      result: Record<string, { bids: [string][]; asks: [string][] }>
    }
    const book = Object.values(json.result)[0]
    return [Number(book?.bids[0]?.[0]), Number(book?.asks[0]?.[0])]
  }
  // The desk's verified book is the upstream's, and follows it as it moves.
  await eventually(async () =>
    expect(await deskTop()).toEqual(await upstreamTop()),
  )
  const before = await upstreamTop()
  up.step(300)
  await eventually(async () => {
    const now = await upstreamTop()
    expect(now).not.toEqual(before)
    expect(await deskTop()).toEqual(now)
  })

  // A paper market buy fills locally against the upstream's ask; nothing is
  // sent upstream, and the paper balance is written to the account file.
  const ask = (await upstreamTop())[1]
  const placed = await call('/orders', {
    method: 'POST',
    body: JSON.stringify({
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'market',
      order_qty: '0.001',
    }),
  })
  const ack = (await placed.json()) as { mode: string; order_id: string }
  expect(placed.status, JSON.stringify(ack)).toBe(200)
  expect(ack.mode).toBe('paper')
  expect(up.stats.requests({ method: 'add_order' })).toHaveLength(0)
  await eventually(async () => {
    const file = JSON.parse(await readFile(paperAccount, 'utf8')) as {
      balances: Record<string, number>
    }
    expect(file.balances.BTC).toBeCloseTo(10.001, 8)
    expect(file.balances.USD).toBeLessThan(1_000_000 - 0.001 * (ask ?? 0) + 1)
  })
})

test('error: --upstream and --paper-account need --paper; --upstream needs a ws URL', async () => {
  await expect(
    runDeskCli(['--upstream', 'ws://127.0.0.1:1/v2'], () => undefined),
  ).rejects.toThrow(/--upstream goes with --paper/)
  await expect(
    runDeskCli(['--paper-account', '/tmp/x.json'], () => undefined),
  ).rejects.toThrow(/--paper-account goes with --paper/)
  await expect(
    runDeskCli(['--paper', '--upstream', 'http://x'], () => undefined),
  ).rejects.toBeInstanceOf(DeskUsageError)
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
})

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
})
