/**
 * The server side of the end-to-end bench, run in its own child process so
 * that the client process's CPU time is the client's alone:
 *
 * - `replay`: the simulator's replay mode streams the `mixed` corpus to each
 *   connection after its first subscribe, as fast as the client reads;
 * - `paced`: a loopback `ws` server that acknowledges the subscribe and then
 *   sends the corpus at a fixed rate (the replay mode does not pace).
 *
 * Prints `{"url": ...}` on stdout once listening; exits when stdin closes.
 */
import { startSimulator } from '@kraken-sockets/simulator'
import { WebSocketServer } from 'ws'
import { loadCorpus } from '../runner/corpus.js'

const corpusFrames = () => loadCorpus('mixed')

const [
  mode = 'replay',
  repeatText = '3',
  rateText = '10000',
  secondsText = '3',
] = process.argv.slice(2)

async function replay(): Promise<{ url: string; close: () => Promise<void> }> {
  const simulator = await startSimulator({
    replay: { frames: corpusFrames(), repeat: Number(repeatText) },
  })
  return { url: simulator.publicUrl, close: () => simulator.close() }
}

async function paced(): Promise<{ url: string; close: () => Promise<void> }> {
  const frames = corpusFrames()
  const rate = Number(rateText)
  const total = Math.round(rate * Number(secondsText))
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server.once('listening', resolve))
  server.on('connection', (socket) => {
    socket.once('message', (data) => {
      const request = JSON.parse(String(data)) as { req_id?: number }
      socket.send(
        `{"method":"subscribe","result":{"channel":"ticker","symbol":"BTC/USD"},"success":true${request.req_id === undefined ? '' : `,"req_id":${request.req_id}`}}`,
      )
      const started = performance.now()
      let sent = 0
      const timer = setInterval(() => {
        // Catch up to the schedule: the frames due by now, in one go.
        const due = Math.min(
          total,
          Math.floor(((performance.now() - started) * rate) / 1000),
        )
        for (; sent < due; sent++)
          socket.send(frames[sent % frames.length] ?? '')
        if (sent >= total) clearInterval(timer)
      }, 1)
      socket.once('close', () => clearInterval(timer))
    })
  })
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `ws://127.0.0.1:${port}/v2`,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}

const server = mode === 'paced' ? await paced() : await replay()
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
process.stdin.resume()
process.stdin.on('close', () => {
  void server.close().then(() => process.exit(0))
})
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0))
})
