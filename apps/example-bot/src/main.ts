/**
 * The example bot: `pnpm bot` (simulator), `pnpm bot --live` (Kraken),
 * `pnpm bot --duration 5` (stops by itself). See `args.ts` for the options.
 */
import { ArgsError, parseBotArgs, USAGE } from './args.js'
import { createBot } from './bot.js'
import { describeError } from './describeError.js'
import { startDisplay } from './display.js'
import { MarketState } from './marketState.js'
import { openVenue } from './venue.js'

/** How long a clean stop may leave something open before the process exits anyway (ms). */
const EXIT_GRACE = 3_000

async function main(): Promise<number> {
  let args: ReturnType<typeof parseBotArgs>
  try {
    args = parseBotArgs(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error
    console.error(`${error.message}\n\n${USAGE}`)
    return 2
  }
  if (args.help) {
    console.log(USAGE)
    return 0
  }

  const stop = new AbortController()
  let stopReason = 'stopped'
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while stopping means: now. The 'exit' listener below
    // gives the terminal back first.
    if (stop.signal.aborted) process.exit(130)
    stopReason = `${signal === 'SIGINT' ? 'Ctrl-C' : signal}`
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const deadline =
    args.duration === undefined
      ? undefined
      : setTimeout(() => {
          stopReason = `--duration ${args.duration} s`
          stop.abort()
        }, args.duration * 1_000)

  const started = Date.now()
  const venue = await openVenue(args, process.env)
  const isTerminal = process.stdout.isTTY === true
  const state = new MarketState(venue.label, args.focus, {
    // Without a screen, activity is printed as it happens.
    ...(isTerminal
      ? {}
      : {
          onActivity: (line) =>
            console.log(
              `${new Date(line.time).toISOString().slice(11, 19)} ${line.text}`,
            ),
        }),
  })
  if (!isTerminal) console.log(`example-bot: connecting to ${venue.label}`)
  const display = startDisplay(state, { output: process.stdout })
  // Every way out (a second Ctrl-C, a crash, process.exit) passes here, and
  // writes to a terminal are synchronous: the cursor and screen come back.
  const restoreTerminal = () => display.restore()
  process.once('exit', restoreTerminal)
  try {
    await createBot({ args, venue, state }).run(stop.signal)
  } finally {
    clearTimeout(deadline)
    display.stop()
    process.off('exit', restoreTerminal)
    await venue.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  const seconds = ((Date.now() - started) / 1_000).toFixed(1)
  console.log(`example-bot: stopped (${stopReason}) after ${seconds} s`)
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
    // Everything is closed by now; if something still holds the event
    // loop, say so and leave rather than hang.
    setTimeout(() => {
      console.error('example-bot: a handle was left open; exiting anyway')
      process.exit(code)
    }, EXIT_GRACE).unref()
  },
  (error: unknown) => {
    console.error(`example-bot failed: ${describeError(error)}`)
    process.exit(1)
  },
)
