/**
 * The HTTP client of `orderRoundTrip.ts`, in its own process like a real
 * caller of the desk: on each IPC message `{ url, init }` it makes the call
 * and answers `{ ms, status, server }` (timed here, so the IPC hop is not
 * counted; `server` is the desk's `Server-Timing` total).
 *
 * It uses `node:http` with a keep-alive agent, which sends a request's
 * headers and body in one write. `fetch` (undici) streams a string body
 * separately: on this machine that alone added ~2 ms to every POST (a POST
 * to an unknown route cost 4.0 ms against 2.2 ms for a GET; 1.2 ms for
 * both with `node:http`), which is the client's cost, not the desk's.
 */
import { Agent, request } from 'node:http'

type Call = {
  url: string
  init: { method?: string; headers?: Record<string, string>; body?: string }
}

const agent = new Agent({ keepAlive: true })

function call({ url, init }: Call) {
  return new Promise<{ status: number; timing: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            timing: String(res.headers['server-timing'] ?? ''),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

process.on('message', async (message: Call) => {
  const t = performance.now()
  const { status, timing } = await call(message)
  const done = performance.now()
  const ms = done - t
  const server = Number(/total;dur=([0-9.]+)/.exec(timing)?.[1] ?? Number.NaN)
  // Epoch times (shared by both processes) to split the call into legs.
  process.send?.({
    ms,
    status,
    server,
    startAt: performance.timeOrigin + t,
    doneAt: performance.timeOrigin + done,
  })
})
