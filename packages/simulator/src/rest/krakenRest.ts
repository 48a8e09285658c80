import { KRAKEN_SPOT_FEE_TIERS, ratesAt } from '../exchange/feeTiers.js'
import type { RestRoute } from '../server/restRouter.js'
import { createOrderHistory } from './orderHistory.js'
import { createPrivateRoutes, type PrivateRestSource } from './privateRoutes.js'
import { createPublicRoutes, type PublicRestSource } from './publicRoutes.js'

/** What {@link createKrakenRest} serves from. */
export type KrakenRestSource = Omit<PublicRestSource, 'fees'> &
  Omit<PrivateRestSource, 'history' | 'takerFee'> & {
    /** The exchange's fees. @default Kraken's spot tiers, the exchange's own default */
    readonly fees?: PublicRestSource['fees'] | undefined
  }

/** Kraken's REST API on the simulator: the routes and the history they keep. */
export type KrakenRest = {
  readonly routes: readonly RestRoute[]
  /** Stops recording the exchange's history. */
  close(): void
}

/**
 * Builds Kraken's public market-data routes and the private account routes
 * (signed, nonce-checked) over the simulator's market and exchange.
 */
export function createKrakenRest(source: KrakenRestSource): KrakenRest {
  const history = createOrderHistory(source.exchange)
  const fees = source.fees ?? { tiers: KRAKEN_SPOT_FEE_TIERS }
  return {
    routes: [
      ...createPublicRoutes({ ...source, fees }),
      ...createPrivateRoutes({
        ...source,
        history,
        takerFee: ratesAt(fees, 0).taker,
      }),
    ],
    close: history.close,
  }
}
