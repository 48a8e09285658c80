import {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
  InstrumentsSnapshotResponse,
  InstrumentsSubscriptionRequest,
  InstrumentsUpdateResponse,
  TickerSnapshotResponse,
  TickerUpdateResponse,
} from '@kraken-sockets/schema'
import type { Connection } from '../connections/connection.js'
import { ClientStoppedError, KrakenError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import { BalanceState } from '../state/balanceState.js'
import { InstrumentState, type Instruments } from '../state/instrumentState.js'
import { legacyAssetNames } from '../state/legacyAssetNames.js'
import type { RestAssetLookup } from '../state/restAssets.js'
import { TickerState } from '../state/tickerState.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import type { TriggerRegistry } from '../triggers/triggerRegistry.js'
import { symbolHint } from './symbolHint.js'

/** What the client keeps for a bot: tickers, balances, instruments. */
export interface ClientState {
  readonly tickers: TickerState
  readonly balances: BalanceState
  readonly instruments: InstrumentState
  /**
   * Subscribes `instrument` unless it is already, and resolves with the
   * pairs and assets once its snapshot arrived.
   * @throws {KrakenError} the subscription was refused.
   * @throws {ClientStoppedError} the client stopped first.
   */
  loadInstruments(signal?: AbortSignal): Promise<Instruments>
  /**
   * A hint for `symbol`, which Kraken said it does not list ("Kraken v2
   * calls it BTC/USD."), from the instrument data and REST `Assets`; undefined
   * when none fits or the data could not be had within the timeout.
   */
  symbolHint(symbol: string): Promise<string | undefined>
  /** Settles everything waiting (the client stopped). */
  stop(): void
}

/** What {@link createClientState} needs. */
export interface ClientStateConfig {
  readonly triggers: TriggerRegistry<Connection>
  readonly subscriptions: SubscriptionManager
  readonly lookupAssets: RestAssetLookup
  /** How long a hint may take to gather its data (ms). */
  readonly timeout: number
  readonly logger: Logger
}

/**
 * Creates the state and registers its consumers on the dispatch, so that it
 * is current when the user's handlers run.
 */
export function createClientState(config: ClientStateConfig): ClientState {
  const { triggers, subscriptions, logger } = config
  const tickers = new TickerState()
  const balances = new BalanceState()
  const instruments = new InstrumentState()
  triggers.consume(TickerSnapshotResponse, (value) => tickers.apply(value))
  triggers.consume(TickerUpdateResponse, (value) => tickers.apply(value))
  triggers.consume(BalancesSnapshotResponse, (value) => balances.apply(value))
  triggers.consume(BalancesUpdateResponse, (value) => balances.apply(value))
  triggers.consume(InstrumentsSnapshotResponse, (value) =>
    instruments.apply(value),
  )
  triggers.consume(InstrumentsUpdateResponse, (value) =>
    instruments.apply(value),
  )

  let subscribing: Promise<void> | undefined
  const subscribeInstruments = (): Promise<void> => {
    // One subscribe at a time; a refused one is tried again next call.
    subscribing ??= subscriptions
      .subscribe(InstrumentsSubscriptionRequest(), 'trading')
      .then((acks) => {
        const refused = acks.find((ack) => ack.success === false)
        if (refused === undefined) return
        subscribing = undefined
        throw new KrakenError({
          method: 'subscribe',
          error: refused.error ?? 'refused',
          response: refused,
        })
      })
    return subscribing
  }

  const loadInstruments = async (
    signal?: AbortSignal,
  ): Promise<Instruments> => {
    if (instruments.isLoaded) return instruments
    // Either the subscription fails (and the wait ends), or the snapshot,
    // which follows its ack, arrives.
    const refused = new AbortController()
    const loaded = instruments.loaded(
      signal === undefined
        ? refused.signal
        : AbortSignal.any([signal, refused.signal]),
    )
    const failed = subscribeInstruments().then(
      () => loaded,
      (error: unknown) => {
        refused.abort(error)
        throw error
      },
    )
    return Promise.race([loaded, failed])
  }

  let legacyNames: Promise<Map<string, string>> | undefined
  const hint = async (symbol: string): Promise<string | undefined> => {
    const signal = AbortSignal.timeout(config.timeout)
    try {
      const data = await loadInstruments(signal)
      const direct = symbolHint(symbol, data.pairs.keys())
      if (direct !== undefined) return direct
      legacyNames ??= legacyAssetNames(data.assets.keys(), config.lookupAssets)
      const names = await legacyNames
      return symbolHint(symbol, data.pairs.keys(), names)
    } catch (error) {
      // A hint only improves a message: without its data there is none.
      legacyNames = undefined
      logger.log('No symbol hint: its data could not be had.', 'debug', {
        symbol,
        error: error instanceof Error ? error.message : String(error),
      })
      return undefined
    }
  }

  return {
    tickers,
    balances,
    instruments,
    loadInstruments,
    symbolHint: hint,
    stop() {
      tickers.stop(new ClientStoppedError({ operation: 'firstTicker()' }))
      instruments.stop(
        new ClientStoppedError({ operation: 'loadInstruments()' }),
      )
    },
  }
}
