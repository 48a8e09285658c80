/**
 * The client side of `sseFanOut.ts`, run in its own process so that the
 * clients' parsing does not compete with the desk's event loop: opens N
 * streams on GET /events with plain `node:http`, counts the `alert` events
 * each receives and records each one's delay from push (the `sent` field,
 * epoch milliseconds with sub-millisecond precision) to arrival.
 *
 * Started by `sseFanOut.ts` with `fork`; talks over the IPC channel:
 *   in  { url, token, clients }   out { ready }
 *   in  { stop }                  out { counts, delays, cpuMs }
 */
import { request } from 'node:http'

type Start = { url: string; token: string; clients: number }

const now = () => performance.timeOrigin + performance.now()
const SENT = /"sent":([0-9.]+)/g

function open(start: Start, delays: number[], counts: number[], index: number) {
  return new Promise<() => void>((resolve, reject) => {
    const req = request(
      `${start.url}/events?kinds=alert`,
      { headers: { Authorization: `Bearer ${start.token}` } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET /events answered ${res.statusCode}`))
          return
        }
        let tail = ''
        res.setEncoding('latin1')
        res.on('data', (chunk: string) => {
          const arrived = now()
          // Only whole frames count; a frame cut by the chunk waits for the rest.
          const text = tail + chunk
          const end = text.lastIndexOf('\n\n')
          if (end === -1) {
            tail = text
            return
          }
          tail = text.slice(end + 2)
          for (const match of text.slice(0, end).matchAll(SENT)) {
            delays.push(arrived - Number(match[1]))
            counts[index] = (counts[index] ?? 0) + 1
          }
        })
        res.on('error', () => undefined)
        resolve(() => req.destroy())
      },
    )
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
    req.end()
  })
}

let stops: (() => void)[] = []
const delays: number[] = []
let counts: number[] = []
let startCpu: NodeJS.CpuUsage | undefined

process.on('message', async (message: Partial<Start> & { stop?: true }) => {
  if (message.stop === true) {
    for (const stop of stops) stop()
    // Sampled to keep the IPC message small: every k-th delay, sorted later.
    const step = Math.max(1, Math.floor(delays.length / 200_000))
    const sample = delays.filter((_, i) => i % step === 0)
    const cpu = process.cpuUsage(startCpu)
    process.send?.(
      { counts, delays: sample, cpuMs: (cpu.user + cpu.system) / 1000 },
      () => process.exit(0),
    )
    return
  }
  const start = message as Start
  counts = new Array<number>(start.clients).fill(0)
  stops = await Promise.all(
    Array.from({ length: start.clients }, (_, i) =>
      open(start, delays, counts, i),
    ),
  )
  startCpu = process.cpuUsage()
  process.send?.({ ready: true })
})
