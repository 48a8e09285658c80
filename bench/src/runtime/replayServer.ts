/**
 * The server side of the end-to-end bench, in its own child process so that
 * the client process's CPU time is the client's alone. Two simulators in
 * replay mode, each streaming to every connection after its first subscribe:
 *
 * - `fastUrl`: the `mixed` corpus `repeat` times, as fast as the client reads;
 * - `pacedUrls`: one per `rate:perTick` argument, an in-memory recording
 *   of the corpus (`count` frames at `rate` frames/s, `perTick` per
 *   timestamp) at its original pace.
 *
 * Args: repeat count rate:perTick... Prints `{"fastUrl", "pacedUrls"}` on
 * stdout once listening; exits when stdin closes.
 */
import { startSimulator } from '@kraken-sockets/simulator'
import { loadCorpus } from '../runner/corpus.js'
import { pacedRecording } from './recording.js'

const [repeatText = '3', countText = '20000', ...pacings] =
  process.argv.slice(2)
const repeat = Number(repeatText)
const count = Number(countText)

// The corpus has its own heartbeats: the simulator's (one a second) would
// add frames the clients do not expect. 2^31 - 1 ms is the longest timer.
const heartbeatInterval = 2 ** 31 - 1
const frames = loadCorpus('mixed')

const fast = await startSimulator({
  heartbeatInterval,
  replay: { frames, repeat },
})
const paced = await Promise.all(
  pacings.map((pacing) => {
    const [rate = 10_000, perTick = 10] = pacing.split(':').map(Number)
    return startSimulator({
      heartbeatInterval,
      replay: {
        records: pacedRecording(frames, { rate, perTick, count }),
        pace: 'original',
        // The recording holds corpus frames only: `all` keeps its heartbeats.
        include: 'all',
      },
    })
  }),
)
const pacedUrls = paced.map((simulator) => simulator.publicUrl)
process.stdout.write(
  `${JSON.stringify({ fastUrl: fast.publicUrl, pacedUrls })}\n`,
)
let closing = false
const close = () => {
  if (closing) return
  closing = true
  void Promise.all([fast, ...paced].map((simulator) => simulator.close())).then(
    () => process.exit(0),
  )
}
process.stdin.resume()
process.stdin.on('end', close)
process.stdin.on('close', close)
