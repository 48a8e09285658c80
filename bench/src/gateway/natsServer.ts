import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/** A `nats-server -js` on a free loopback port with a temporary store. */
export async function startNats(): Promise<{
  url: string
  stop(): Promise<void>
}> {
  const port = await freePort()
  const store = mkdtempSync(join(tmpdir(), 'bench-nats-'))
  const child: ChildProcess = spawn(
    process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server',
    ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  process.once('exit', () => child.kill('SIGKILL'))
  await new Promise<void>((resolve, reject) => {
    let log = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      if (log.includes('Server is ready')) resolve()
    })
    child.once('exit', () => reject(new Error(log)))
  })
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
      rmSync(store, { recursive: true, force: true })
    },
  }
}
