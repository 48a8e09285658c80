import {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
  BookSnapshotResponse,
  BookUpdateResponse,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
  OrderSnapshotResponse,
  OrderUpdateResponse,
  PingResponse,
  type ResponseFamily,
  type ResponseType,
  type ResponseValue,
  StatusResponse,
  SubscriptionResponse,
  TradingResponse,
  UnsubscribeResponse,
} from '@kraken-sockets/schema'
import type { BookManager } from '../books/bookManager.js'
import type { Connection } from '../connections/connection.js'
import { DATA_CHANNELS } from '../subscriptions/channelData.js'
import type { TradingDesk } from '../trading/tradingDesk.js'
import type { TriggerRegistry } from '../triggers/triggerRegistry.js'

/** The runtime's own consumers of decoded responses. */
export interface RuntimeConsumers {
  readonly books: BookManager
  readonly desk: TradingDesk
  /** A `status` value arrived on `connection`. */
  readonly onStatus: (
    connection: Connection,
    value: ResponseValue<typeof StatusResponse>,
  ) => void
  /** A snapshot or update of a channel arrived (its subscription streams). */
  readonly onData: (channel: string, value: unknown) => void
}

/**
 * Registers the runtime's own consumers on the dispatch the user's triggers
 * use, so that they run first: when a handler runs, the books, the request
 * that the response answers, the orders, the pairs and the system status are
 * already current. Registration order is the order they run in.
 */
export function registerRuntimeConsumers(
  triggers: TriggerRegistry<Connection>,
  { books, desk, onStatus, onData }: RuntimeConsumers,
): void {
  const consume = <TKey extends ResponseType | ResponseFamily>(
    key: TKey,
    consumer: (value: ResponseValue<TKey>, connection: Connection) => void,
  ): void => {
    triggers.consume(key, consumer)
  }

  // Books apply synchronously, before any handler reads them.
  const applyBook = (
    value: ResponseValue<
      typeof BookSnapshotResponse | typeof BookUpdateResponse
    >,
  ) => {
    if (books.size > 0) books.apply('book', value)
  }
  consume(BookSnapshotResponse, applyBook)
  consume(BookUpdateResponse, applyBook)
  const applyLevel3 = (
    value: ResponseValue<
      typeof OrderSnapshotResponse | typeof OrderUpdateResponse
    >,
  ) => {
    if (books.size > 0) books.apply('level3', value)
  }
  consume(OrderSnapshotResponse, applyLevel3)
  consume(OrderUpdateResponse, applyLevel3)

  consume(StatusResponse, (value, connection) => onStatus(connection, value))

  // Data on a channel proves its subscription live, even if the ack was lost.
  for (const { channel, types } of DATA_CHANNELS)
    for (const type of types) consume(type, (value) => onData(channel, value))

  // Answers settle the request they answer (by req_id) on their socket.
  const answer = (
    value: ResponseValue<
      | typeof PingResponse
      | typeof SubscriptionResponse
      | typeof UnsubscribeResponse
      | typeof TradingResponse
    >,
    connection: Connection,
  ) => {
    connection.route(value)
  }
  consume(PingResponse, answer)
  consume(SubscriptionResponse, answer)
  consume(UnsubscribeResponse, answer)
  consume(TradingResponse, answer)

  // The trading desk's state: the pairs, the orders, the private sequences.
  consume(InstrumentsSnapshotResponse, (value) => desk.applyInstruments(value))
  consume(InstrumentsUpdateResponse, (value) => desk.applyInstruments(value))
  consume(ExecutionsSnapshotResponse, (value) => desk.applyExecutions(value))
  consume(ExecutionsUpdateResponse, (value) => desk.applyExecutions(value))
  consume(BalancesSnapshotResponse, (value) => desk.checkBalances(value))
  consume(BalancesUpdateResponse, (value) => desk.checkBalances(value))
  consume(SubscriptionResponse, (value) => desk.applySubscriptionAck(value))
}
