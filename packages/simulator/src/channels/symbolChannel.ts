import type { SimulatorContext } from '../context.js'
import type { Params } from '../exchange/params.js'
import type { JsonValue } from '../json/encodeJson.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { EndpointKind } from '../server/endpoints.js'
import {
  perSymbolPlan,
  readBoolean,
  readChoice,
  readSymbols,
  unknownSymbol,
} from './params.js'
import type { ChannelDefinition } from './types.js'

/** Which request reads a channel's own parameter. */
export type ChoiceRequest = 'subscribe' | 'unsubscribe'

/**
 * What one per-symbol market channel (ticker, book, trade, ohlc, level3)
 * says about itself; parsing, keys, acks and snapshots are shared.
 */
export type SymbolChannelSpec<T> = {
  readonly name: string
  readonly kind: EndpointKind
  readonly requiresToken: boolean
  /** Whether a snapshot follows the ack when `snapshot` is absent. */
  readonly snapshotByDefault: boolean
  /** Reads the channel's own parameter (depth, interval, trigger); throws `InvalidArguments`. */
  readonly readChoice: (params: Params, request: ChoiceRequest) => T
  /** The hub topic a subscription listens on. */
  readonly topic: (symbol: string, choice: T) => string
  /** One subscription per key per connection. @default `${name}:${symbol}` */
  readonly key?: (symbol: string, choice: T) => string
  /** Fields both acks echo right after `channel`. @default none */
  readonly echo?: (choice: T) => Readonly<Record<string, JsonValue>>
  /** Whether the unsubscribe ack repeats `snapshot` (book's does). @default false */
  readonly unsubscribeEchoesSnapshot?: boolean
  /** `warnings` of the subscribe ack, if any. */
  readonly warnings?: readonly string[]
  /** The frames a new subscriber receives after its ack. */
  readonly snapshot: (
    market: SymbolMarket,
    choice: T,
    simulator: SimulatorContext,
  ) => readonly string[]
}

/** A reader of one enumerated parameter, optionally ignored on unsubscribe. */
export function choiceParam<T extends string | number>(
  name: string,
  allowed: readonly T[],
  fallback: T,
  checkedOnUnsubscribe = true,
): (params: Params, request: ChoiceRequest) => T {
  return (params, request) =>
    request === 'unsubscribe' && !checkedOnUnsubscribe
      ? fallback
      : readChoice(params, name, allowed, fallback)
}

/** A channel with one subscription per symbol, built from what is specific to it. */
export function symbolChannel<T>(
  spec: SymbolChannelSpec<T>,
): ChannelDefinition {
  const key = spec.key ?? ((symbol: string) => `${spec.name}:${symbol}`)
  const echo = spec.echo ?? (() => ({}))
  return {
    name: spec.name,
    kind: spec.kind,
    requiresToken: spec.requiresToken,
    subscribe(params, { simulator }) {
      return perSymbolPlan(
        simulator.pairs,
        () => {
          const symbols = readSymbols(params)
          const choice = spec.readChoice(params, 'subscribe')
          const snapshot = readBoolean(
            params,
            'snapshot',
            spec.snapshotByDefault,
          )
          return {
            symbols,
            item: ({ symbol }) => ({
              ok: true,
              key: key(symbol, choice),
              topic: spec.topic(symbol, choice),
              symbol,
              result: {
                channel: spec.name,
                ...echo(choice),
                snapshot,
                symbol,
                ...(spec.warnings === undefined
                  ? {}
                  : { warnings: [...spec.warnings] }),
              },
              unsubscribeResult: {
                channel: spec.name,
                ...echo(choice),
                ...(spec.unsubscribeEchoesSnapshot === true
                  ? { snapshot }
                  : {}),
                symbol,
              },
              ...(snapshot
                ? {
                    snapshot: () => {
                      const market = simulator.market.symbols.get(symbol)
                      return market === undefined
                        ? []
                        : spec.snapshot(market, choice, simulator)
                    },
                  }
                : {}),
            }),
          }
        },
        unknownSymbol,
      )
    },
    unsubscribe(params, { simulator }) {
      return perSymbolPlan(
        simulator.pairs,
        () => {
          const choice = spec.readChoice(params, 'unsubscribe')
          return {
            symbols: readSymbols(params),
            item: ({ symbol }) => ({ key: key(symbol, choice), symbol }),
          }
        },
        // Nothing is subscribed under an unlisted symbol: "not found".
        (symbol) => ({ key: `${spec.name}:${symbol}`, symbol }),
      )
    },
  }
}
