import { createHash } from 'node:crypto'

/** An API key pair the simulator accepts. */
export type SimulatorCredentials = {
  /** The public key, sent as the `API-Key` header. */
  readonly apiKey: string
  /** The base64 private key that signs requests (`API-Sign`). */
  readonly privateKey: string
  /**
   * Whether the key has Kraken's "WebSocket interface" permission; without
   * it `GetWebSocketsToken` answers `EGeneral:Permission denied`.
   * @default true
   */
  readonly webSocket?: boolean
}

const SEED = 'kraken-sockets simulator fake credentials, not a Kraken key'

/**
 * The simulator's default credentials, derived from a fixed public seed so
 * they look like Kraken's (a 56-character key, an 88-character base64
 * secret) yet are obviously fake: they open nothing but the simulator.
 * Tests and the example bot use them.
 */
export const DEFAULT_TEST_CREDENTIALS: SimulatorCredentials = Object.freeze({
  apiKey: createHash('sha512')
    .update(`${SEED}: api key`)
    .digest('base64')
    .replace(/[+/=]/g, 'x')
    .slice(0, 56),
  privateKey: createHash('sha512')
    .update(`${SEED}: private key`)
    .digest('base64'),
})
