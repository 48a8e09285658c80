import type { SimulatorCredentials } from './auth/testCredentials.js'

/**
 * Everything a `KrakenWebSocketAPI` needs to talk to a running simulator:
 * its four URLs and the API key pair its `GetWebSocketsToken` accepts. The
 * field names are the runtime's option names, so the object can be passed
 * as it is: `new KrakenWebSocketAPI(simulator.clientOptions())`.
 */
export type SimulatorClientOptions = {
  /** The public market-data endpoint (runtime option `publicUrl`). */
  readonly publicUrl: string
  /** The private endpoint (runtime option `privateUrl`). */
  readonly privateUrl: string
  /** The level3 endpoint (runtime option `level3Url`). */
  readonly level3Url: string
  /** The REST base URL the WS token comes from (runtime option `restUrl`). */
  readonly restUrl: string
  /** The simulator's API key (not a Kraken key). */
  readonly apiKey: string
  /** The simulator's base64 private key (not a Kraken key). */
  readonly privateKey: string
}

/** The runtime's environment variable for each client option. */
const ENVIRONMENT_NAMES: Readonly<
  Record<keyof SimulatorClientOptions, string>
> = {
  publicUrl: 'KRAKEN_WS_PUBLIC_URL',
  privateUrl: 'KRAKEN_WS_PRIVATE_URL',
  level3Url: 'KRAKEN_WS_LEVEL3_URL',
  restUrl: 'KRAKEN_REST_URL',
  apiKey: 'KRAKEN_REST_API_KEY',
  privateKey: 'KRAKEN_REST_API_PRIVATE_KEY',
}

/** Builds the client options from the simulator's URLs and credentials. */
export function simulatorClientOptions(
  urls: Pick<
    SimulatorClientOptions,
    'publicUrl' | 'privateUrl' | 'level3Url' | 'restUrl'
  >,
  credentials: SimulatorCredentials,
): SimulatorClientOptions {
  return Object.freeze({
    publicUrl: urls.publicUrl,
    privateUrl: urls.privateUrl,
    level3Url: urls.level3Url,
    restUrl: urls.restUrl,
    apiKey: credentials.apiKey,
    privateKey: credentials.privateKey,
  })
}

/**
 * The client options as the environment variables a `KrakenWebSocketAPI`
 * reads when it is given no options (`KRAKEN_WS_PUBLIC_URL`, …,
 * `KRAKEN_REST_API_PRIVATE_KEY`), in a stable order.
 *
 * @example
 * ```ts
 * const env = clientEnvironment(simulator.clientOptions())
 * spawn('node', ['bot.js'], { env: { ...process.env, ...env } })
 * ```
 */
export function clientEnvironment(
  options: SimulatorClientOptions,
): Record<string, string> {
  const environment: Record<string, string> = {}
  for (const [field, name] of Object.entries(ENVIRONMENT_NAMES))
    environment[name] = options[field as keyof SimulatorClientOptions]
  return environment
}

/**
 * Lines of `export NAME='value'` for a POSIX shell, so that
 * `eval "$(…)"` or copy-and-paste sets up a bot's environment. The values
 * hold only URL and base64 characters; quoting keeps `+`, `/` and `=` literal.
 */
export function shellExports(options: SimulatorClientOptions): string[] {
  return Object.entries(clientEnvironment(options)).map(
    ([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`,
  )
}
