import { parseArgs } from 'node:util'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'
import { DeskError } from '../errors.js'
import type { DeskMode } from '../risk/policy.js'
import { type RunningDesk, startDesk } from '../startDesk.js'
import { startPaperVenue } from './paperVenue.js'

/** The CLI's help text. */
export const DESK_USAGE = `Usage: kraken-desk [--live | --validate | --paper] [options]

  (default)            the embedded simulator, paper mode: nothing to configure, no keys
  --live               real Kraken, real orders; keys from KRAKEN_REST_API_KEY and
                       KRAKEN_REST_API_PRIVATE_KEY
  --validate           real Kraken, every order sent with validate: true (none placed)
  --paper              the live market with paper fills: a local simulator mirrors
                       Kraken's public feed and fills orders against it; no keys
  --upstream <ws-url>  with --paper: the public v2 feed to mirror
                       (default wss://ws.kraken.com/v2)
  --paper-account <f>  with --paper: the paper balances' JSON file, kept between runs
                       (default ~/.config/kraken-desk/paper-account.json)
  --host <addr>        address to bind (default 127.0.0.1)
  --port <n>           port (default 8787; 0 picks one)
  --token-file <path>  token file (default ~/.config/kraken-desk/tokens.json)
  --symbols <list>     allowed pairs, comma-separated (default BTC/USD,ETH/USD)
  --max-notional <n>   largest order value in the quote currency (default 1000)
  --help               this text`

/** A bad command line. */
export class DeskUsageError extends DeskError {
  override name = 'DeskUsageError'
}

/** What `runDeskCli` started. */
export interface DeskCli {
  readonly running: RunningDesk
  readonly simulator: Simulator | undefined
  /** Stops the desk, then the simulator. */
  close(): Promise<void>
}

const positive = (
  name: string,
  text: string | undefined,
): number | undefined => {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0)
    throw new DeskUsageError(`${name} must be a number, got "${text}".`)
  return value
}

/**
 * Parses `argv`, starts the venue and the desk, and prints the base URL and
 * the token file's path with `print`. Resolves `undefined` for `--help`.
 * @throws {DeskUsageError} on a bad command line or missing keys for --live / --validate.
 * @throws {LiveMarketError} (from the simulator) when `--paper`'s upstream gives no book.
 */
export async function runDeskCli(
  argv: readonly string[],
  print: (line: string) => void,
): Promise<DeskCli | undefined> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (error) {
    throw new DeskUsageError(
      error instanceof Error ? error.message : String(error),
    )
  }
  if (values.help === true) {
    print(DESK_USAGE)
    return undefined
  }
  const chosen = (['live', 'validate', 'paper'] as const).filter(
    (flag) => values[flag] === true,
  )
  if (chosen.length > 1)
    throw new DeskUsageError(
      `Choose one of --live, --validate, --paper (got ${chosen.join(', ')}).`,
    )
  const paper = chosen[0] === 'paper'
  for (const flag of ['upstream', 'paper-account'] as const) {
    if (values[flag] !== undefined && !paper)
      throw new DeskUsageError(`--${flag} goes with --paper.`)
  }
  const upstream = values.upstream
  if (upstream !== undefined && !/^wss?:\/\/\S+$/.test(upstream))
    throw new DeskUsageError(
      `--upstream must be a ws:// or wss:// URL, got "${upstream}".`,
    )
  const remote = paper
    ? undefined
    : (chosen[0] as Extract<DeskMode, 'live' | 'validate'> | undefined)
  if (
    remote !== undefined &&
    (process.env.KRAKEN_REST_API_KEY === undefined ||
      process.env.KRAKEN_REST_API_PRIVATE_KEY === undefined)
  ) {
    throw new DeskUsageError(
      `--${remote} needs KRAKEN_REST_API_KEY and KRAKEN_REST_API_PRIVATE_KEY in the environment.`,
    )
  }
  if (paper)
    print(
      `kraken-desk: mirroring ${upstream ?? "Kraken's public feed"}; waiting for its books...`,
    )
  const simulator =
    remote !== undefined
      ? undefined
      : paper
        ? await startPaperVenue({
            upstream,
            paperAccount: values['paper-account'],
          })
        : await startSimulator({})
  const symbols = values.symbols
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const maxOrderNotional = positive('--max-notional', values['max-notional'])
  try {
    const running = await startDesk({
      mode: remote ?? 'paper',
      host: values.host,
      port: positive('--port', values.port),
      tokenFile: values['token-file'],
      risk: {
        ...(symbols === undefined ? {} : { symbols }),
        ...(maxOrderNotional === undefined ? {} : { maxOrderNotional }),
      },
      kraken:
        simulator === undefined
          ? { WebSocket }
          : {
              publicUrl: simulator.publicUrl,
              privateUrl: simulator.privateUrl,
              level3Url: simulator.level3Url,
              restUrl: simulator.restUrl,
              apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
              privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
              WebSocket,
            },
    })
    const venue =
      simulator === undefined
        ? 'Kraken'
        : paper
          ? `the live market with paper fills (local venue ${simulator.publicUrl})`
          : `the embedded simulator (${simulator.publicUrl})`
    print(`kraken-desk: ${running.desk.mode} mode on ${venue}`)
    print(`kraken-desk: listening on ${running.url}`)
    print(
      `kraken-desk: tokens in ${running.tokenFile} (mode 0600; "read" and "trade" scopes)`,
    )
    print(
      `kraken-desk: API reference at ${running.url}/reference, OpenAPI at ${running.url}/openapi.json`,
    )
    return {
      running,
      simulator,
      async close() {
        await running.close()
        await simulator?.close()
      },
    }
  } catch (error) {
    await simulator?.close()
    throw error
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      live: { type: 'boolean' },
      validate: { type: 'boolean' },
      paper: { type: 'boolean' },
      upstream: { type: 'string' },
      'paper-account': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'token-file': { type: 'string' },
      symbols: { type: 'string' },
      'max-notional': { type: 'string' },
      help: { type: 'boolean' },
    },
  })
}
