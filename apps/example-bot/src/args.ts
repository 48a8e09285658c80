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
  return {
    live: values.live === true || (env.KRAKEN_WS_PUBLIC_URL ?? '') !== '',
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
