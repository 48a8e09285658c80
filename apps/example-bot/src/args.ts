import { parseArgs } from 'node:util'

/** What the bot was asked to do, from its command line and environment. */
export interface BotArgs {
  /** Connect to Kraken instead of the embedded simulator. @default false (unless KRAKEN_WS_PUBLIC_URL is set) */
  readonly live: boolean
  /** Stop by itself after this many seconds; `undefined` runs until Ctrl-C. */
  readonly duration: number | undefined
  /** Symbols of the ticker panel. @default ['BTC/USD', 'ETH/USD', 'SOL/USD'] */
  readonly symbols: readonly string[]
  /** The symbol whose trades and book are shown (and traded). @default 'BTC/USD' */
  readonly focus: string
  /** Place, amend and cancel a small order when credentials exist. @default true */
  readonly trade: boolean
  /** Print the usage and exit. */
  readonly help: boolean
  /**
   * Paper trading: live data (Kraken's public feed, or `paperUpstream`)
   * through the simulator's live market, orders filled by its exchange.
   * @default false
   */
  readonly paper?: boolean
  /** The public feed `--paper` mirrors (`--paper-upstream`, or KRAKEN_PAPER_UPSTREAM_URL). @default Kraken's */
  readonly paperUpstream?: string | undefined
  /** A tape (`@kraken-sockets/tape`) to run the bot over instead of a venue. */
  readonly replay?: string | undefined
  /** Replay pace: 1 is the tape's own, `'max'` as fast as the bot reads. @default 1 */
  readonly replaySpeed?: number | 'max'
}

/** The command line was not understood; `message` says why, `USAGE` says how. */
export class ArgsError extends Error {
  override name = 'ArgsError'
}

/** The bot's usage text. */
export const USAGE = `Usage: npx -y pnpm@12.21.0 bot [options]
   or: npm run bot -- [options]        (after the install of the Quick start)
   or: pnpm bot [options]              (with pnpm 12 on your PATH)

Runs against an embedded Kraken simulator unless --live is given
(or KRAKEN_WS_PUBLIC_URL is set).

Options:
  --live               connect to Kraken (wss://ws.kraken.com/v2)
  --duration <s>       stop after <s> seconds (default: until Ctrl-C)
  --symbols <list>     ticker symbols, comma separated (default: BTC/USD,ETH/USD,SOL/USD)
  --focus <symbol>     symbol for trades, book and the demo order (default: BTC/USD)
  --no-trade           skip the demo order
  --paper              paper trading: live data from Kraken through the simulator's
                       live market, the demo order filled by its exchange
  --paper-upstream <u> the public feed --paper mirrors (default: Kraken's; or
                       KRAKEN_PAPER_UPSTREAM_URL)
  --replay <tape>      run over a tape (@kraken-sockets/tape) instead of a venue
  --replay-speed <n>   replay pace: 1 = as recorded (default), 10, ... or max
  -h, --help           show this help

Live trading needs KRAKEN_REST_API_KEY and KRAKEN_REST_API_PRIVATE_KEY;
on Kraken the demo order is sent with validate: true only.`

const DEFAULT_SYMBOLS = ['BTC/USD', 'ETH/USD', 'SOL/USD'] as const
const SYMBOL = /^[A-Za-z0-9.]+\/[A-Za-z0-9.]+$/

/**
 * Reads the bot's command line (without `node` and the script) and its
 * environment.
 * @throws {ArgsError} on an unknown option or a bad value.
 * @example
 * ```ts
 * const args = parseBotArgs(process.argv.slice(2), process.env)
 * ```
 */
export function parseBotArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): BotArgs {
  // `pnpm bot -- --duration 5` forwards the `--` itself: drop it.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  let values: ReturnType<typeof parseOptions>
  try {
    values = parseOptions(args)
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : String(error))
  }
  const symbols =
    values.symbols === undefined
      ? [...DEFAULT_SYMBOLS]
      : values.symbols
          .split(',')
          .map((symbol) => symbol.trim())
          .filter((symbol) => symbol !== '')
  const focus = values.focus ?? symbols[0] ?? 'BTC/USD'
  for (const symbol of [...symbols, focus]) {
    if (!SYMBOL.test(symbol))
      throw new ArgsError(`Not a symbol: "${symbol}" (expected e.g. BTC/USD).`)
  }
  if (symbols.length === 0) throw new ArgsError('--symbols lists no symbol.')
  const modes = additionalModes(values, env)
  return {
    ...modes,
    live:
      values.live === true ||
      ((env.KRAKEN_WS_PUBLIC_URL ?? '') !== '' &&
        modes.paper !== true &&
        modes.replay === undefined),
    duration: parseDuration(values.duration),
    symbols: symbols.includes(focus) ? symbols : [...symbols, focus],
    focus,
    trade: values['no-trade'] !== true,
    help: values.help === true,
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      live: { type: 'boolean' },
      duration: { type: 'string' },
      symbols: { type: 'string' },
      focus: { type: 'string' },
      'no-trade': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      paper: { type: 'boolean' },
      'paper-upstream': { type: 'string' },
      replay: { type: 'string' },
      'replay-speed': { type: 'string' },
    },
  }).values
}

function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const seconds = Number(text)
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new ArgsError(
      `--duration takes a positive number of seconds, got "${text}".`,
    )
  }
  return seconds
}

/** `--paper` and `--replay` (added to the first options; checked together). */
function additionalModes(
  values: ReturnType<typeof parseOptions>,
  env: Readonly<Record<string, string | undefined>>,
): Pick<BotArgs, 'paper' | 'paperUpstream' | 'replay' | 'replaySpeed'> {
  const paper = values.paper === true
  const replay = values.replay
  const chosen = [values.live === true && '--live', paper && '--paper']
  if (replay !== undefined) chosen.push('--replay')
  const modes = chosen.filter((mode) => mode !== false)
  if (modes.length > 1)
    throw new ArgsError(`${modes.join(' and ')} cannot be used together.`)
  if (replay !== undefined && replay.trim() === '')
    throw new ArgsError('--replay takes a tape folder or file.')
  const upstream =
    values['paper-upstream'] ?? (env.KRAKEN_PAPER_UPSTREAM_URL || undefined)
  if (upstream !== undefined && !/^wss?:\/\/\S+$/.test(upstream))
    throw new ArgsError(
      `--paper-upstream takes a ws:// or wss:// URL, got "${upstream}".`,
    )
  if (values['paper-upstream'] !== undefined && !paper)
    throw new ArgsError('--paper-upstream needs --paper.')
  const speedText = values['replay-speed']
  if (speedText !== undefined && replay === undefined)
    throw new ArgsError('--replay-speed needs --replay.')
  // Only the modes asked for appear, so the default arguments stay as they were.
  if (paper) return { paper, paperUpstream: upstream }
  if (replay !== undefined)
    return { replay, replaySpeed: parseReplaySpeed(speedText) }
  return {}
}

function parseReplaySpeed(text: string | undefined): number | 'max' {
  if (text === undefined) return 1
  if (text === 'max') return 'max'
  const speed = Number(text)
  if (text.trim() === '' || !Number.isFinite(speed) || speed <= 0)
    throw new ArgsError(
      `--replay-speed takes a positive number or max, got "${text}".`,
    )
  return speed
}
