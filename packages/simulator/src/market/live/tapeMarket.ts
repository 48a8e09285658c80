import { readTapeBatches, type TapeEvent } from '@kraken-sockets/tape'
import { TapeMarketError } from '../../errors.js'
import type { Timers } from '../../server/timers.js'
import { createMarketMirror, type MirrorTarget } from './marketMirror.js'

/** Options of the tape market (`startSimulator({ market: { tape } })`). */
export type TapeMarketOptions = {
  /** A tape folder (`@kraken-sockets/tape`) or a tardis.dev raw file. */
  readonly path: string
  /**
   * `1` follows the tape's monotonic offsets (`2` twice as fast); `'max'`
   * plays it as fast as it reads (a macrotask turn per read batch).
   * @default 1
   */
  readonly speed?: number | 'max'
  /** Book levels kept per side (as the live market's `depth`). @default 1000 */
  readonly depth?: number
}

/**
 * The tape market's speed, checked.
 * @throws {RangeError} when it is not a positive number or `'max'`.
 */
export function checkTapeSpeed(speed: number | 'max' = 1): number | 'max' {
  if (speed !== 'max' && !(Number.isFinite(speed) && speed > 0))
    throw new RangeError(
      `the tape market's speed must be a positive number or 'max', not ${speed}`,
    )
  return speed
}

/** A tape playing into the market. */
export type TapeMarket = {
  /**
   * Resolves once the tape's opening books are in: every symbol has its
   * snapshot, or the tape reached its first book update, or its end.
   * Rejects with {@link TapeMarketError} when the tape cannot be read.
   */
  readonly ready: Promise<void>
  /** Resolves when the whole tape was played (or the market closed). */
  readonly done: Promise<void>
  /** Stops playing. */
  close(): void
}

/**
 * Plays the public frames of a tape into the simulator's market, as the
 * live market does with an upstream feed: what local clients see and what
 * the exchange fills against is the tape's book, trades and ticker.
 * Frames of `private` and `level3` connections are skipped; symbols the
 * simulator does not trade are ignored. After the tape's end the market
 * stays as the tape left it.
 */
export function startTapeMarket(
  target: MirrorTarget & { readonly timers: Timers },
  options: TapeMarketOptions,
): TapeMarket {
  const speed = checkTapeSpeed(options.speed)
  const waiting = new Set(target.markets.keys())
  let closed = false
  let settle: { resolve(): void; reject(error: Error): void } | undefined
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // A caller that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => {})
  const markReady = () => {
    settle?.resolve()
    settle = undefined
  }
  const apply = createMarketMirror(target, {
    depth: options.depth ?? 1000,
    onSnapshot: (symbol) => {
      waiting.delete(symbol)
      if (waiting.size === 0) markReady()
    },
    onUpdate: markReady,
  })
  const privateConnections = new Set<number>()
  const play = (event: TapeEvent) => {
    if (event.kind === 'open' && event.endpoint !== 'public')
      privateConnections.add(event.conn)
    else if (event.kind === 'in' && !privateConnections.has(event.conn))
      apply(event.text)
  }

  let cancelWait: (() => void) | undefined
  let wake: (() => void) | undefined
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      cancelWait = target.timers.timeout(resolve, ms)
    })

  const run = async () => {
    const started = performance.now()
    let firstMono: number | undefined
    for await (const batch of readTapeBatches(options.path)) {
      for (const event of batch) {
        if (closed) return
        if (speed !== 'max') {
          firstMono ??= event.mono
          const due = (event.mono - firstMono) / 1000 / speed
          const wait = due - (performance.now() - started)
          if (wait > 1) await sleep(wait)
          if (closed) return
        }
        play(event)
      }
      if (speed === 'max') await sleep(0)
    }
  }
  const done = run().then(markReady, (error: unknown) => {
    if (closed) return
    settle?.reject(
      new TapeMarketError(`Cannot play the tape ${options.path}`, {
        cause: error,
      }),
    )
    settle = undefined
  })

  return {
    ready,
    done,
    close() {
      closed = true
      cancelWait?.()
      wake?.()
      settle?.reject(
        new TapeMarketError(
          'The simulator closed before the tape market was ready',
        ),
      )
      settle = undefined
    },
  }
}
