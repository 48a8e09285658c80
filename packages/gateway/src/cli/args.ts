import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { GatewayConfigError } from '../errors.js'
import type { GatewayOptions } from '../gateway/options.js'

/** The CLI's usage text. */
export const USAGE = `Usage: kraken-gateway --nats <url> [options]

  --nats <url>              NATS server URL (repeatable; default nats://127.0.0.1:4222)
  --subscribe '<frame>'     a Kraken subscribe frame to hold (repeatable)
  --subscribe-file <file>   subscribe frames: a JSON array, or one frame per line
  --prefix <subject>        data subject prefix (default kraken.spot)
  --stream <name>           JetStream stream (default KRAKEN_SPOT)
  --storage file|memory     stream storage (default file)
  --leases                  share symbols with other gateways through leases in NATS KV
  --lease-ttl <ms>          how long a dead owner's lease lasts (default 3000)
  --replicas <n>            replicas of the stream and the lease bucket (a cluster; default 1)
  --account <name>          the name the key's executions and balances are relayed under (default default)
  --help                    this text

Kraken URLs as the runtime reads them: KRAKEN_WS_PUBLIC_URL, KRAKEN_WS_PRIVATE_URL,
KRAKEN_REST_URL; trading keys from KRAKEN_REST_API_KEY / KRAKEN_REST_API_PRIVATE_KEY.`

/** Reads subscribe frames from a file: a JSON array, or one JSON frame per line. */
export function readSubscribeFile(text: string): string[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('['))
    return (JSON.parse(trimmed) as unknown[]).map((frame) =>
      JSON.stringify(frame),
    )
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/**
 * Parses the CLI arguments into gateway options, or `'help'`.
 * @throws {GatewayConfigError} on an unknown option or an unreadable file.
 */
export function parseCliArgs(
  argv: readonly string[],
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): GatewayOptions | 'help' {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (cause) {
    throw new GatewayConfigError((cause as Error).message, {
      details: USAGE,
      cause,
    })
  }
  if (values.help === true) return 'help'
  const subscribe = [...(values.subscribe ?? [])]
  for (const file of values['subscribe-file'] ?? []) {
    try {
      subscribe.push(...readSubscribeFile(readFile(file)))
    } catch (cause) {
      throw new GatewayConfigError(
        `Cannot read subscribe frames from ${file}.`,
        {
          cause,
        },
      )
    }
  }
  const storage = values.storage ?? 'file'
  if (storage !== 'file' && storage !== 'memory')
    throw new GatewayConfigError('--storage takes file or memory.')
  const ttl =
    values['lease-ttl'] === undefined ? undefined : Number(values['lease-ttl'])
  if (ttl !== undefined && !(Number.isFinite(ttl) && ttl > 0))
    throw new GatewayConfigError('--lease-ttl takes a positive number of ms.')
  const replicas =
    values.replicas === undefined ? undefined : Number(values.replicas)
  if (replicas !== undefined && !(Number.isInteger(replicas) && replicas >= 1))
    throw new GatewayConfigError('--replicas takes a whole number, 1 or more.')
  return {
    leases:
      values.leases === true || ttl !== undefined
        ? { ttl, ...(replicas === undefined ? {} : { replicas }) }
        : false,
    servers: values.nats ?? ['nats://127.0.0.1:4222'],
    prefix: values.prefix,
    stream: values.stream,
    account: values.account,
    retention: { storage, ...(replicas === undefined ? {} : { replicas }) },
    subscribe,
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      nats: { type: 'string', multiple: true },
      subscribe: { type: 'string', multiple: true },
      'subscribe-file': { type: 'string', multiple: true },
      prefix: { type: 'string' },
      stream: { type: 'string' },
      storage: { type: 'string' },
      leases: { type: 'boolean' },
      'lease-ttl': { type: 'string' },
      replicas: { type: 'string' },
      account: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
}
