import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'

const appDir = join(import.meta.dirname, '..')

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
  // Plain node with tsx's loader, as the scripts run it: the tsx command
  // would relay a signal again when the bot does not answer within 30 ms,
  // which a loaded machine misses (a second SIGINT means "exit now").
  const child = spawn(
    process.execPath,
    [
      '--conditions=@kraken-sockets/source',
      '--import',
      'tsx',
      'src/main.ts',
      ...args,
    ],
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

/** The summary line once every ticker is priced, trades counted and the book verified. */
const FULL_SUMMARY =
  /tickers BTC\/USD \d+(\.\d+)? ETH\/USD \d+(\.\d+)? SOL\/USD \d+(\.\d+)? \| trades [1-9]\d*, last (buy|sell) [\d.]+ @ [\d.]+ \| book BTC\/USD in sync, bid [\d.]+ ask [\d.]+ spread [\d.]+, checksum ok \([1-9]\d* verified, 0 mismatches/

test('default: shows tickers, trades, a verified book and the order acks; Ctrl-C stops cleanly', async () => {
  // Waits for what it checks rather than for a fixed time: on a loaded
  // machine the first frames can take seconds.
  const bot = startBot([])
  await bot.waitFor(FULL_SUMMARY)
  await bot.waitFor(/cancel_order ack: O[A-Z0-9-]+ cancelled/)
  bot.child.kill('SIGINT')
  const { code, stdout, stderr } = await bot.exited
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).not.toMatch(STACK_LINE)
  expect(stdout).toMatch(/connecting to simulator ws:\/\/127\.0\.0\.1:\d+\/v2/)
  // The demo order, acked at each step by the simulated exchange.
  expect(stdout).toMatch(
    /add_order ack: O[A-Z0-9-]+ buy [\d.]+ BTC\/USD @ [\d.]+ post-only/,
  )
  expect(stdout).toMatch(/amend_order ack: O[A-Z0-9-]+ now @ [\d.]+/)
  expect(stdout).toMatch(/stopped \(Ctrl-C\) after \d+\.\d s/)
  expect(stdout).not.toMatch(/error|unavailable|handle was left open/i)
})

test('behavior: --duration 1 stops by itself and exits 0', async () => {
  const { code, stdout, stderr } = await startBot(['--duration', '1']).exited
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).not.toMatch(STACK_LINE)
  // One second or more: a loaded machine may take longer to stop.
  expect(stdout).toMatch(/stopped \(--duration 1 s\) after \d+\.\d s/)
})

test('error: an unknown option prints the usage and exits 2', async () => {
  const { code, stdout, stderr } = await startBot(['--frobnicate']).exited
  expect(code).toBe(2)
  expect(stdout).toBe('')
  expect(stderr).toContain("Unknown option '--frobnicate'")
  expect(stderr).toContain('Usage: npx -y pnpm@12.21.0 bot [options]')
  expect(stderr).not.toMatch(STACK_LINE)
})
