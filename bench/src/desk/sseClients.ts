/**
 * The client side of `sseFanOut.ts`, run in its own process so that the
 * clients' parsing does not compete with the desk's event loop: opens N
 * streams on GET /events with plain `node:http`, counts the `alert` events
 * each receives and records each one's delay from push (the `sent` field,
 * epoch milliseconds with sub-millisecond precision) to arrival.
 *
 * Started by `sseFanOut.ts` with `fork`; talks over the IPC channel:
 *   in  { url, token, clients, bucketMs }   out { ready }
 *   in  { stop }                  out { counts, buckets, cpuMs }
 */
import { request } from 'node:http'

type Start = { url: string; token: string; clients: number; bucketMs: number }

const now = () => performance.timeOrigin + performance.now()
const SENT = /"sent":([0-9.]+)/g

/**
 * Delays go into fixed buckets of `bucketMs` (from the start message), not
 * an array: half a million a second would keep the GC busy.
 */
let bucketMs = 0.05
const histogram = new Uint32Array(200_000)
const record = (delay: number) => {
  const bucket = Math.floor(delay / bucketMs)
  const index = Math.min(histogram.length - 1, Math.max(0, bucket))
  histogram[index] = (histogram[index] ?? 0) + 1
}

function open(start: Start, counts: number[], index: number) {
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
            record(arrived - Number(match[1]))
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
let counts: number[] = []
let startCpu: NodeJS.CpuUsage | undefined

process.on('message', async (message: Partial<Start> & { stop?: true }) => {
  if (message.stop === true) {
    for (const stop of stops) stop()
    // Only the buckets in use, as [bucket, count] pairs.
    const buckets: [number, number][] = []
    histogram.forEach((count, bucket) => {
      if (count > 0) buckets.push([bucket, count])
    })
    const cpu = process.cpuUsage(startCpu)
    process.send?.(
      { counts, buckets, cpuMs: (cpu.user + cpu.system) / 1000 },
      () => process.exit(0),
    )
    return
  }
  const start = message as Start
  bucketMs = start.bucketMs
  counts = new Array<number>(start.clients).fill(0)
  stops = await Promise.all(
    Array.from({ length: start.clients }, (_, i) => open(start, counts, i)),
  )
  startCpu = process.cpuUsage()
  process.send?.({ ready: true })
})
