import type { MarketState } from './marketState.js'
import { renderScreen, renderSummary } from './view.js'

/** Where the display writes: `process.stdout` or a test's sink. */
export interface DisplayOutput {
  write(text: string): unknown
  /** A terminal gets a redrawn screen; anything else, summary lines. */
  readonly isTTY?: boolean | undefined
}

/** A running display; `stop()` draws the last frame and restores the cursor. */
export interface Display {
  stop(): void
}

/** Options of {@link startDisplay}. */
export interface DisplayOptions {
  readonly output: DisplayOutput
  /** Redraw period on a terminal (ms). @default 250 */
  readonly redrawInterval?: number
  /** Summary period when not a terminal (ms). @default 1_000 */
  readonly summaryInterval?: number
  /** @default Date.now */
  readonly now?: () => number
}

const HIDE_CURSOR = '\x1b[?25l'
const SHOW_CURSOR = '\x1b[?25h'
const HOME_AND_CLEAR = '\x1b[H\x1b[2J'

/**
 * Shows `state`: on a terminal, a full screen redrawn a few times a second;
 * elsewhere (CI, pipes), one summary line per period, so logs stay readable.
 */
export function startDisplay(
  state: MarketState,
  options: DisplayOptions,
): Display {
  const { output } = options
  const now = options.now ?? Date.now
  const isTerminal = output.isTTY === true
  const draw = isTerminal
    ? () => output.write(`${HOME_AND_CLEAR}${renderScreen(state, now())}`)
    : () => output.write(`${renderSummary(state, now())}\n`)
  if (isTerminal) output.write(HIDE_CURSOR)
  draw()
  const timer = setInterval(
    draw,
    isTerminal
      ? (options.redrawInterval ?? 250)
      : (options.summaryInterval ?? 1_000),
  )
  let stopped = false
  return {
    stop() {
      if (stopped) return
      stopped = true
      clearInterval(timer)
      draw()
      if (isTerminal) output.write(SHOW_CURSOR)
    },
  }
}
