import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where Debian installs `nats-server`; `NATS_SERVER_BIN` overrides it. */
export const NATS_SERVER_BIN =
  process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server'

/** A `nats-server -js` the test owns: its URL, and how to stop or restart it. */
export interface TestNatsServer {
  readonly url: string
  readonly port: number
  readonly storeDir: string
  /** Kills the process (SIGKILL when `hard`), keeping the store. */
  kill(hard?: boolean): Promise<void>
  /** Starts it again on the same port and store. */
  restart(): Promise<void>
  /** Kills it and deletes the store. */
  stop(): Promise<void>
}

/** A free loopback TCP port (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a JetStream-enabled `nats-server` on a free loopback port with a
 * temporary store, and resolves once it accepts clients.
 */
export async function startNatsServer(
  extraArgs: readonly string[] = [],
): Promise<TestNatsServer> {
  const port = await freePort()
  const storeDir = mkdtempSync(join(tmpdir(), 'ks-nats-'))
  let child: ChildProcess | undefined

  async function launch() {
    const proc = spawn(
      NATS_SERVER_BIN,
      [
        '-js',
        '-a',
        '127.0.0.1',
        '-p',
        String(port),
        '-sd',
        storeDir,
        ...extraArgs,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    child = proc
    // Never outlive the test process, even when a test hangs and is cut off.
    const reap = () => proc.kill('SIGKILL')
    process.once('exit', reap)
    proc.once('exit', () => process.off('exit', reap))
    await new Promise<void>((resolve, reject) => {
      let log = ''
      const timer = setTimeout(() => {
        proc.kill('SIGKILL')
        reject(new Error(`nats-server did not start:\n${log}`))
      }, 20_000)
      proc.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString()
        if (log.includes('Server is ready')) {
          clearTimeout(timer)
          resolve()
        }
      })
      proc.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`nats-server exited (${code}):\n${log}`))
      })
    })
    proc.removeAllListeners('exit')
    proc.stderr?.resume()
  }

  async function kill(hard = false) {
    const proc = child
    child = undefined
    if (proc === undefined || proc.exitCode !== null) return
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve())
      proc.kill(hard ? 'SIGKILL' : 'SIGTERM')
    })
  }

  await launch()
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    kill,
    restart: launch,
    async stop() {
      await kill()
      rmSync(storeDir, { recursive: true, force: true })
    },
  }
}
