// Frames/s of the simulator's live generator over a real loopback socket,
// against a baseline measured in the same run: the replay mode pushing
// pre-built book frames through the same server as fast as the client reads.
//
// pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/simulator/generatorThroughput.ts [seconds]
import {
  DEFAULT_PAIRS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

const seconds = Number(process.argv[2] ?? 3)

async function measure(
  simulator: Simulator,
  subscribe: boolean,
): Promise<{ frames: number; perSecond: number }> {
  const socket = new WebSocket(simulator.publicUrl)
  let frames = 0
  socket.on('message', () => {
    frames++
  })
  await new Promise((resolve) => socket.once('open', resolve))
  const symbol = DEFAULT_PAIRS.map((pair) => pair.symbol)
  if (subscribe)
    for (const params of [
      { channel: 'book', symbol, depth: 10 },
      { channel: 'ticker', symbol },
      { channel: 'trade', symbol },
    ])
      socket.send(JSON.stringify({ method: 'subscribe', params }))
  else
    socket.send(
      JSON.stringify({
        method: 'subscribe',
        params: { channel: 'trade', symbol: ['BTC/USD'] },
      }),
    )
  // Warm up, then count over the window.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const start = frames
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  const counted = frames - start
  const elapsed = (performance.now() - started) / 1000
  socket.terminate()
  return { frames: counted, perSecond: counted / elapsed }
}

async function main() {
  // A real book update frame of the generator, repeated, for the baseline.
  const probe = await startSimulator({ rate: 0 })
  const sample = await new Promise<string>((resolve) => {
    const socket = new WebSocket(probe.publicUrl)
    socket.on('message', (data) => {
      const text = String(data)
      if (text.startsWith('{"channel":"book","type":"update"')) {
        socket.terminate()
        resolve(text)
      }
    })
    socket.once('open', () => {
      socket.send(
        JSON.stringify({
          method: 'subscribe',
          params: { channel: 'book', symbol: ['BTC/USD'] },
        }),
      )
      setTimeout(() => probe.step(50), 50)
    })
  })
  await probe.close()

  const replay = await startSimulator({
    replay: { frames: [sample], repeat: 50_000_000 },
  })
  const baseline = await measure(replay, false)
  await replay.close()

  const live = await startSimulator({ rate: 100_000, tickInterval: 5 })
  const generated = await measure(live, true)
  await live.close()

  console.log(
    `replay baseline (book update frames, ${sample.length} B): ${Math.round(baseline.perSecond)} frames/s`,
  )
  console.log(
    `live generator (book 10 + ticker + trade, ${DEFAULT_PAIRS.length} symbols): ${Math.round(generated.perSecond)} frames/s`,
  )
  console.log(
    `ratio live / baseline: ${(generated.perSecond / baseline.perSecond).toFixed(2)}`,
  )
  console.log(`node ${process.version}, ${seconds} s windows`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
