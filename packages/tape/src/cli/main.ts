import { parseArgs } from 'node:util'
import { TapeError } from '../errors.js'
import { parseTimeBound } from '../format/time.js'
import type { CsvType } from '../verify/tardisCsv.js'
import type { PairPrecision } from '../verify/verifyTape.js'
import { cat, cut, info, toCsv, verify } from './commands.js'
import type { Output } from './output.js'

/** Help text of `kraken-tape`. */
export const USAGE = `Usage: kraken-tape <command> <tape> [options]

A tape is a folder written by @kraken-sockets/tape, or a tardis.dev raw file
(".gz" or plain). Times: a tape timestamp, an ISO date, or ms since the epoch.

Commands:
  info <tape> [--json]                    what the tape holds
  cat <tape> [--channel C] [--symbol S]   received frames as tardis.dev lines
      [--jsonl]                           (--jsonl: every event as JSON)
  cut <tape> --out <folder>               a new tape with the part between
                                          --from and --to
  verify <tape> [--precision SYM=P,Q]...  replays every book through
      [--json]                            @kraken-sockets/book: checksums
                                          verified / failed per symbol
  to-csv <tape> --type T [--out file]     tardis.dev CSV; T is
                                          incremental_book_L2 or trades
Every command takes --from and --to.
`

const COMMANDS = new Set(['info', 'cat', 'cut', 'verify', 'to-csv'])
const CSV_TYPES = new Set(['incremental_book_L2', 'trades'])

function precisions(values: string[] | undefined): Map<string, PairPrecision> {
  const map = new Map<string, PairPrecision>()
  for (const value of values ?? []) {
    const match = /^(.+)=(\d+),(\d+)$/.exec(value)
    if (match === null)
      throw new TapeError(
        `--precision takes SYMBOL=PRICE,QTY (e.g. BTC/USD=1,8), not ${value}`,
      )
    map.set(match[1] as string, {
      price: Number(match[2]),
      qty: Number(match[3]),
    })
  }
  return map
}

/**
 * Runs `kraken-tape` with its arguments; resolves with the exit code (0 ok,
 * 1 when `verify` finds a failed checksum, 2 for a usage or tape error).
 */
export async function runTapeCli(
  argv: readonly string[],
  io: { out: Output; err: Output },
): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    await io.err.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { command, tape, values } = parsed
  if (command === undefined || values.help === true) {
    await (values.help === true ? io.out : io.err).write(USAGE)
    return values.help === true ? 0 : 2
  }
  try {
    const bounds = {
      from: values.from === undefined ? undefined : parseTimeBound(values.from),
      to: values.to === undefined ? undefined : parseTimeBound(values.to),
    }
    if (tape === undefined) throw new TapeError(`${command} needs a tape`)
    switch (command) {
      case 'info':
        return await info(tape, bounds, io.out, values.json === true)
      case 'cat':
        return await cat(
          tape,
          {
            ...bounds,
            channel: values.channel,
            symbol: values.symbol,
            jsonl: values.jsonl,
          },
          io.out,
        )
      case 'cut':
        if (values.out === undefined)
          throw new TapeError('cut needs --out <folder>')
        return await cut(tape, bounds, values.out, io.out)
      case 'verify':
        return await verify(
          tape,
          bounds,
          precisions(values.precision),
          io.out,
          values.json === true,
        )
      default: {
        const type = values.type
        if (type === undefined || !CSV_TYPES.has(type))
          throw new TapeError(
            'to-csv needs --type incremental_book_L2 or --type trades',
          )
        return await toCsv(tape, bounds, type as CsvType, values.out, io.out)
      }
    }
  } catch (error) {
    if (
      !(error instanceof TapeError) &&
      (error as NodeJS.ErrnoException).code === undefined
    )
      throw error
    await io.err.write(`kraken-tape ${command}: ${(error as Error).message}\n`)
    return 2
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      channel: { type: 'string' },
      symbol: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      type: { type: 'string' },
      precision: { type: 'string', multiple: true },
    },
  })
  const [command, tape] = positionals
  if (command !== undefined && !COMMANDS.has(command))
    throw new TapeError(`unknown command ${command}`)
  return { command, tape, values }
}
