import type { MarketState } from './marketState.js'
import {
  DEFAULT_SCREEN_SIZE,
  fitScreen,
  type ScreenSize,
} from './screenLayout.js'
import { renderSummary, screenSections } from './view.js'

/** Where the display writes: `process.stdout` or a test's sink. */
export interface DisplayOutput {
  write(text: string): unknown
  /** A terminal gets a redrawn screen; anything else, summary lines. */
  readonly isTTY?: boolean | undefined
  /** The terminal's width, read at every redraw. @default 80 */
  readonly columns?: number | undefined
  /** The terminal's height, read at every redraw. @default 24 */
  readonly rows?: number | undefined
  /** A terminal emits `resize` when its size changes (as `tty.WriteStream` does). */
  on?(event: 'resize', listener: () => void): unknown
  off?(event: 'resize', listener: () => void): unknown
}

/** A running display. */
export interface Display {
  /**
   * Stops redrawing; on a terminal, leaves the alternate screen, shows the
   * cursor again and prints one summary line of the last state.
   */
  stop(): void
  /**
   * Gives the terminal back at once, synchronously (alternate screen off,
   * cursor on), without a last summary: for `process.on('exit')`, so that a
   * second Ctrl-C or a crash never leaves a hidden cursor behind.
   */
  restore(): void
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

/** Terminal control sequences (xterm, VT100; every terminal emulator in use). */
export const TERMINAL = {
  enterAlternateScreen: '\x1b[?1049h',
  leaveAlternateScreen: '\x1b[?1049l',
  hideCursor: '\x1b[?25l',
  showCursor: '\x1b[?25h',
  home: '\x1b[H',
  clearToLineEnd: '\x1b[K',
  clearBelow: '\x1b[J',
} as const

/**
 * Shows `state`: on a terminal, a screen of its own (the alternate screen,
 * so the scrollback is left alone) fitted to the terminal's size, redrawn a
 * few times a second and at once when the terminal is resized; elsewhere
 * (CI, pipes), one summary line per period, so logs stay readable.
 */
export function startDisplay(
  state: MarketState,
  options: DisplayOptions,
): Display {
  const { output } = options
  const now = options.now ?? Date.now
  const isTerminal = output.isTTY === true
  const size = (): ScreenSize => ({
    columns: output.columns ?? DEFAULT_SCREEN_SIZE.columns,
    rows: output.rows ?? DEFAULT_SCREEN_SIZE.rows,
  })
  // Home, then each line over the old one and the rest cleared: no flash of
  // an empty screen between frames, and no trailing newline to scroll by.
  const draw = isTerminal
    ? () =>
        output.write(
          `${TERMINAL.home}${fitScreen(screenSections(state, now()), size())
            .map((line) => `${line}${TERMINAL.clearToLineEnd}`)
            .join('\n')}${TERMINAL.clearBelow}`,
        )
    : () => output.write(`${renderSummary(state, now())}\n`)
  let terminalTaken = false
  if (isTerminal) {
    output.write(`${TERMINAL.enterAlternateScreen}${TERMINAL.hideCursor}`)
    terminalTaken = true
    output.on?.('resize', draw)
  }
  draw()
  const timer = setInterval(
    draw,
    isTerminal
      ? (options.redrawInterval ?? 250)
      : (options.summaryInterval ?? 1_000),
  )
  let stopped = false
  const restore = () => {
    clearInterval(timer)
    if (!terminalTaken) return
    terminalTaken = false
    output.off?.('resize', draw)
    output.write(`${TERMINAL.showCursor}${TERMINAL.leaveAlternateScreen}`)
  }
  return {
    stop() {
      if (stopped) return
      stopped = true
      restore()
      // The alternate screen is gone: leave the last state in the scrollback.
      output.write(`${renderSummary(state, now())}\n`)
    },
    restore,
  }
}
