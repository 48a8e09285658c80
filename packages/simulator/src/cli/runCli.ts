import { parseArgs } from 'node:util'
import {
  RATE_TIERS,
  type RateTier,
  SYSTEM_STATUSES,
} from '@kraken-sockets/schema'
import { shellExports } from '../clientOptions.js'
import type { SimulatorOptions } from '../options.js'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'
import { MARKET_USAGE, marketArgs } from './marketArgs.js'

/** Usage text of the `kraken-simulator` command. */
export const USAGE = `Usage: kraken-simulator [options]

  --port <n>          port to listen on (default 0: any free port)
  --host <address>    interface to listen on (default 127.0.0.1)
  --seed <seed>       seed of the market and connection ids (default 1)
  --rate <n>          market steps per second (default 20)
  --replay <file>     serve the frames of a .jsonl file (or a recording) instead of live feeds
  --pace <pace>       replay pace: fast (default) or original (recordings only)
  --record <file>     append every connection's frames, both ways, to a JSON Lines file
  --rate-tier <tier>  trading rate limits: starter (default), intermediate, pro or none
  --any-token         accept any non-empty WS token (default: tokens from GetWebSocketsToken)
  --level3-host <h>   l3 (own path, default) or auth (the private path)
  --system <status>   engine status at start: online, maintenance, cancel_only, post_only
${MARKET_USAGE}
  --help              show this text`

/** Thrown for bad command-line arguments (the message is for the user). */
export class UsageError extends Error {
  override name = 'UsageError'
}

// Kraken's vocabulary is schema's: the CLI offers exactly its tiers and statuses.
const TIERS = Object.keys(RATE_TIERS) as RateTier[]

const SYSTEMS = SYSTEM_STATUSES

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0)
    throw new UsageError(`--${name} must be a non-negative integer`)
  return value
}

/** Turns `kraken-simulator` arguments into simulator options; throws {@link UsageError}. */
export function parseCliArgs(
  argv: readonly string[],
): SimulatorOptions | 'help' {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        rate: { type: 'string' },
        replay: { type: 'string' },
        pace: { type: 'string' },
        record: { type: 'string' },
        'rate-tier': { type: 'string' },
        'any-token': { type: 'boolean' },
        'level3-host': { type: 'string' },
        system: { type: 'string' },
        help: { type: 'boolean' },
        market: { type: 'string' },
        'paper-account': { type: 'string' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help === true) return 'help'
  const text = (name: string) => {
    const value = values[name]
    return typeof value === 'string' ? value : undefined
  }
  const level3Host = text('level3-host')
  if (level3Host !== undefined && level3Host !== 'l3' && level3Host !== 'auth')
    throw new UsageError('--level3-host must be l3 or auth')
  const system = text('system')
  const knownSystem = SYSTEMS.find((s) => s === system)
  if (system !== undefined && knownSystem === undefined)
    throw new UsageError(`--system must be one of ${SYSTEMS.join(', ')}`)
  const port = integer(text('port'), 'port')
  const rate = integer(text('rate'), 'rate')
  const host = text('host')
  const seed = text('seed')
  const replay = text('replay')
  const pace = text('pace')
  if (pace !== undefined && pace !== 'fast' && pace !== 'original')
    throw new UsageError('--pace must be fast or original')
  if (pace !== undefined && replay === undefined)
    throw new UsageError('--pace needs --replay')
  const record = text('record')
  const tier = text('rate-tier')
  const rateTier = TIERS.find((t) => t === tier)
  if (tier !== undefined && rateTier === undefined && tier !== 'none')
    throw new UsageError(`--rate-tier must be one of ${TIERS.join(', ')}, none`)
  const market = marketArgs(text('market'), text('paper-account'))
  if (typeof market === 'string') throw new UsageError(market)
  if (market.market !== undefined && replay !== undefined)
    throw new UsageError(
      '--market live or tape and --replay exclude each other',
    )
  return {
    ...market,
    ...(port === undefined ? {} : { port }),
    ...(rate === undefined ? {} : { rate }),
    ...(host === undefined ? {} : { host }),
    ...(seed === undefined ? {} : { seed }),
    ...(replay === undefined
      ? {}
      : { replay: { file: replay, ...(pace === undefined ? {} : { pace }) } }),
    ...(record === undefined ? {} : { record }),
    ...(tier === undefined ? {} : { rateTier: rateTier ?? false }),
    ...(values['any-token'] === true ? { auth: 'any-token' as const } : {}),
    ...(level3Host === undefined ? {} : { level3Host }),
    ...(knownSystem === undefined ? {} : { system: knownSystem }),
  }
}

/**
 * Starts a simulator from command-line arguments and prints its URLs, then
 * the `export` lines that point a `KrakenWebSocketAPI` at it.
 * Resolves with the simulator, or `undefined` after printing the help.
 *
 * @example
 * ```ts
 * const simulator = await runCli(['--port', '8080'], console.log)
 * ```
 */
export async function runCli(
  argv: readonly string[],
  print: (line: string) => void,
): Promise<Simulator | undefined> {
  const options = parseCliArgs(argv)
  if (options === 'help') {
    print(USAGE)
    return undefined
  }
  const simulator = await startSimulator(options)
  print(`kraken-simulator listening (seed ${String(options.seed ?? 1)})`)
  print(`  public   ${simulator.publicUrl}`)
  print(`  private  ${simulator.privateUrl}`)
  print(`  level3   ${simulator.level3Url}`)
  print(`  rest     ${simulator.restUrl}`)
  print(
    options.auth === 'any-token'
      ? '  auth     any non-empty WS token'
      : '  auth     WS tokens from GetWebSocketsToken, signed with DEFAULT_TEST_CREDENTIALS',
  )
  print('')
  print('# a bot reads these (simulator keys, not Kraken keys):')
  for (const line of shellExports(simulator.clientOptions())) print(line)
  return simulator
}
