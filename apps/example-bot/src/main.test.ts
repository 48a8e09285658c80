import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'

const appDir = join(import.meta.dirname, '..')
const tsx = join(appDir, 'node_modules', '.bin', 'tsx')

interface Run {
  readonly child: ChildProcess
  /** Resolves with the exit code (or the signal's name) and the output. */
  readonly exited: Promise<{
    code: number | string
    stdout: string
    stderr: string
  }>
  /** Resolves once stdout contains `text`. */
  waitFor(text: RegExp): Promise<void>
}

const running = new Set<ChildProcess>()

afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
})

/** Starts the bot as `pnpm bot` does, with piped (non-TTY) output and no Kraken env. */
function startBot(args: string[]): Run {
  const env = { ...process.env }
  for (const key of Object.keys(env))
    if (key.startsWith('KRAKEN_')) delete env[key]
  const child = spawn(
    tsx,
    ['--conditions=@kraken-sockets/source', 'src/main.ts', ...args],
    { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  let stdout = ''
  let stderr = ''
  const waiters: { text: RegExp; resolve: () => void }[] = []
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    for (const waiter of [...waiters]) {
      if (waiter.text.test(stdout)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<{
    code: number | string
    stdout: string
    stderr: string
  }>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child)
      resolve({ code: code ?? signal ?? 'unknown', stdout, stderr })
    }),
  )
  return {
    child,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (text.test(stdout)) return resolve()
        waiters.push({ text, resolve })
        exited.then(() =>
          reject(new Error(`exited before ${text}:\n${stdout}\n${stderr}`)),
        )
      }),
  }
}

const STACK_LINE = /^\s+at /m

test('default: --duration 3 shows tickers, trades and a verified book, then exits 0', async () => {
  const { code, stdout, stderr } = await startBot(['--duration', '3']).exited
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).not.toMatch(STACK_LINE)
  expect(stdout).toMatch(/connecting to simulator ws:\/\/127\.0\.0\.1:\d+\/v2/)
  // Summary lines: every ticker priced, trades counted, the book in sync.
  expect(stdout).toMatch(
    /tickers BTC\/USD \d+(\.\d+)? ETH\/USD \d+(\.\d+)? SOL\/USD \d+(\.\d+)? \| trades [1-9]\d*, last (buy|sell) [\d.]+ @ [\d.]+ \| book BTC\/USD in sync, bid [\d.]+ ask [\d.]+ spread [\d.]+, checksum ok \([1-9]\d* verified, 0 mismatches/,
  )
  // The demo order, acked at each step by the simulated exchange.
  expect(stdout).toMatch(
    /add_order ack: O[A-Z0-9-]+ buy [\d.]+ BTC\/USD @ [\d.]+ post-only/,
  )
  expect(stdout).toMatch(/amend_order ack: O[A-Z0-9-]+ now @ [\d.]+/)
  expect(stdout).toMatch(/cancel_order ack: O[A-Z0-9-]+ cancelled/)
  expect(stdout).toMatch(/stopped \(--duration 3 s\) after 3\.\d s/)
  expect(stdout).not.toMatch(/error|unavailable|handle was left open/i)
}, 30_000)

test('behavior: Ctrl-C (SIGINT) mid-run stops cleanly', async () => {
  const bot = startBot([])
  await bot.waitFor(/book BTC\/USD in sync/)
  bot.child.kill('SIGINT')
  const { code, stdout, stderr } = await bot.exited
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).not.toMatch(STACK_LINE)
  expect(stdout).toMatch(/stopped \(Ctrl-C\) after \d+\.\d s/)
}, 30_000)

test('error: an unknown option prints the usage and exits 2', async () => {
  const { code, stdout, stderr } = await startBot(['--frobnicate']).exited
  expect(code).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toContain("Unknown option '--frobnicate'")
  expect(stderr).toContain('Usage: pnpm bot [options]')
  expect(stderr).not.toMatch(STACK_LINE)
}, 30_000)
