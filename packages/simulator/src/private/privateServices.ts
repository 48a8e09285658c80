import type { Scheduler } from '../exchange/time.js'
import type { PairSpec } from '../market/instruments.js'
import { DEFAULT_ASSETS } from '../market/instruments.js'
import type { SimulatorOptions } from '../options.js'
import { TRADING_METHODS } from '../server/endpoints.js'
import type { Timers } from '../server/timers.js'
import type { ConnectionHandlerFactory } from '../session/types.js'
import { privateConnectionHandler } from './privateConnection.js'
import {
  createTokenAuth,
  DEFAULT_ACCOUNT,
  type TokenAuth,
} from './tokenAuth.js'
import { createTradingEngine, type TradingEngine } from './tradingEngine.js'

/** The private side of a simulator: tokens, the exchange, the per-connection session. */
export type PrivateServices = {
  readonly auth: TokenAuth
  readonly engine: TradingEngine
  /** Makes the private session of each connection that serves `private`. */
  readonly connectionHandler: ConnectionHandlerFactory
}

/** Builds the private side from the simulator's options. */
export function createPrivateServices(
  options: SimulatorOptions,
  shared: {
    readonly seed: string | number
    readonly now: () => number
    readonly pairs: readonly PairSpec[]
    readonly timers: Timers
  },
): PrivateServices {
  const { now, timers } = shared
  const auth = createTokenAuth({ ...options, now })
  // The engine's timers go through the registry, so close() clears them.
  const scheduler: Scheduler = options.scheduler ?? {
    setTimeout: (callback, ms) => timers.timeout(callback, ms),
    clearTimeout: (handle) => {
      if (typeof handle === 'function') handle()
    },
  }
  const engine = createTradingEngine({
    pairs: shared.pairs,
    assets: options.assets ?? DEFAULT_ASSETS,
    seed: shared.seed,
    now,
    scheduler,
    ...(options.balances === undefined ? {} : { balances: options.balances }),
    ...(options.rateTier === undefined ? {} : { rateTier: options.rateTier }),
    ...(options.fees === undefined ? {} : { fees: options.fees }),
  })
  const connectionHandler = privateConnectionHandler({
    engine,
    auth,
    now,
    overriddenMethods: new Set(
      Object.keys(options.methods ?? {}).filter((m) => TRADING_METHODS.has(m)),
    ),
    overriddenChannels: new Set(
      (options.channels ?? []).map((channel) => channel.name),
    ),
  })
  // The default account has its balances from the start, for inspection.
  engine.fund(DEFAULT_ACCOUNT)
  return { auth, engine, connectionHandler }
}
