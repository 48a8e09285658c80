import { encodeJson, raw } from '../json/encodeJson.js'
import type { AssetSpec, PairSpec } from '../market/instruments.js'
import { INVALID_ARGUMENTS } from '../methods/errors.js'
import { InvalidArguments, readBoolean, readChoice } from './params.js'
import type { ChannelDefinition } from './types.js'

const WARNING = 'tick_size is deprecated, use price_increment'

function pairJson(pair: PairSpec) {
  return {
    symbol: pair.symbol,
    base: pair.base,
    quote: pair.quote,
    status: pair.status ?? 'online',
    qty_precision: pair.qty_precision,
    qty_increment: raw(pair.qty_increment),
    price_precision: pair.price_precision,
    cost_precision: pair.cost_precision,
    marginable: pair.marginable,
    has_index: pair.has_index,
    cost_min: raw(pair.cost_min),
    margin_initial:
      pair.margin_initial === undefined ? undefined : raw(pair.margin_initial),
    position_limit_long: pair.position_limit_long,
    position_limit_short: pair.position_limit_short,
    tick_size: raw(pair.price_increment),
    price_increment: raw(pair.price_increment),
    qty_min: raw(pair.qty_min),
  }
}

function assetJson(asset: AssetSpec) {
  return {
    id: asset.id,
    status: asset.status,
    precision: asset.precision,
    precision_display: asset.precision_display,
    borrowable: asset.borrowable,
    collateral_value: raw(asset.collateral_value),
    margin_rate: raw(asset.margin_rate),
  }
}

/** An `instrument` message (its `data` is an object, unlike other channels). */
export function instrumentFrame(
  type: 'snapshot' | 'update',
  assets: readonly AssetSpec[],
  pairs: readonly PairSpec[],
): string {
  return encodeJson({
    channel: 'instrument',
    type,
    data: { assets: assets.map(assetJson), pairs: pairs.map(pairJson) },
  })
}

/**
 * The `instrument` channel: reference data for assets and pairs.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export const instrumentChannel: ChannelDefinition = {
  name: 'instrument',
  kind: 'public',
  requiresToken: false,
  subscribe(params, { simulator }) {
    let snapshot: boolean
    try {
      snapshot = readBoolean(params, 'snapshot', true)
      readBoolean(params, 'include_tokenized_assets', false)
      readChoice(
        params,
        'execution_venue',
        ['international', 'bitnomial-exchange'],
        'international',
      )
    } catch (error) {
      if (error instanceof InvalidArguments)
        return { ok: false, error: INVALID_ARGUMENTS }
      throw error
    }
    return {
      ok: true,
      items: [
        {
          ok: true,
          key: 'instrument',
          topic: 'instrument',
          result: { channel: 'instrument', snapshot, warnings: [WARNING] },
          unsubscribeResult: { channel: 'instrument' },
          ...(snapshot
            ? {
                snapshot: () => [
                  instrumentFrame('snapshot', simulator.assets, [
                    ...simulator.pairs.values(),
                  ]),
                ],
              }
            : {}),
        },
      ],
    }
  },
  unsubscribe() {
    return { ok: true, items: [{ key: 'instrument' }] }
  },
}
