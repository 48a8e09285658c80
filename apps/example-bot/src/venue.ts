import type { KrakenWebSocketAPIOptions } from '@kraken-sockets/runtime'
import { startSimulator } from '@kraken-sockets/simulator'
import type { BotArgs } from './args.js'
import { paperVenue, replayVenue } from './venueModes.js'

/**
 * How the demo order is sent: on the simulator, placed for real (it is
 * simulated); on Kraken, `validate: true` only; or not at all.
 */
export type TradingMode = 'simulated' | 'validate-only' | 'off'

/** Where the bot connects, and how it may trade there. */
export interface Venue {
  /** For the screen, e.g. `simulator ws://127.0.0.1:1234/v2`. */
  readonly label: string
  /** Client options: URLs and credentials. */
  readonly client: KrakenWebSocketAPIOptions
  readonly trading: TradingMode
  /** Why trading is off, when it is. */
  readonly tradingNote: string | undefined
  /** Stops the simulator, if one was started. */
  close(): Promise<void>
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Starts the embedded simulator (the default), or describes Kraken itself
 * with `--live`: URLs and keys then come from the environment, as the
 * client reads them.
 */
export async function openVenue(args: BotArgs, env: Env): Promise<Venue> {
  if (args.replay !== undefined) return replayVenue(args.replay, args)
  if (args.paper === true) return paperVenue(args)
  if (args.live) return liveVenue(args, env)
  const simulator = await startSimulator({ seed: Date.now() % 1_000_000 })
  return {
    label: `simulator ${simulator.publicUrl}`,
    // Its URLs and its published test keys: they open nothing but a simulator.
    client: simulator.clientOptions(),
    trading: args.trade ? 'simulated' : 'off',
    tradingNote: args.trade ? undefined : '--no-trade',
    close: () => simulator.close(),
  }
}

function liveVenue(args: BotArgs, env: Env): Venue {
  const hasKeys =
    (env.KRAKEN_REST_API_KEY ?? '') !== '' &&
    (env.KRAKEN_REST_API_PRIVATE_KEY ?? '') !== ''
  const trading: TradingMode = args.trade && hasKeys ? 'validate-only' : 'off'
  return {
    label: `Kraken ${env.KRAKEN_WS_PUBLIC_URL || 'wss://ws.kraken.com/v2'}`,
    // The client reads KRAKEN_* from the environment itself.
    client: {},
    trading,
    tradingNote: !args.trade
      ? '--no-trade'
      : hasKeys
        ? undefined
        : 'no KRAKEN_REST_API_KEY / KRAKEN_REST_API_PRIVATE_KEY',
    close: async () => {},
  }
}
