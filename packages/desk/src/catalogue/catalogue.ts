import { balancesOperation, ordersOperation } from './account.js'
import {
  bookOperation,
  statusOperation,
  subscribeOperation,
  tickersOperation,
  unsubscribeOperation,
} from './market.js'
import type { Operation } from './operation.js'
import {
  addConditionOperation,
  alertsOperation,
  conditionsOperation,
  indicatorsOperation,
  removeConditionOperation,
  trackIndicatorOperation,
} from './signals.js'
import {
  amendOrderOperation,
  batchAddOperation,
  cancelAllOperation,
  cancelOrderOperation,
  deadMansSwitchOperation,
  editOrderOperation,
  placeOrderOperation,
} from './trading.js'

/**
 * Every operation of the desk, in one list: the HTTP API, its OpenAPI
 * document and the MCP server are all generated from it.
 */
export const catalogue: readonly Operation[] = [
  statusOperation,
  subscribeOperation,
  unsubscribeOperation,
  bookOperation,
  tickersOperation,
  balancesOperation,
  ordersOperation,
  placeOrderOperation,
  amendOrderOperation,
  editOrderOperation,
  cancelOrderOperation,
  cancelAllOperation,
  batchAddOperation,
  deadMansSwitchOperation,
  indicatorsOperation,
  trackIndicatorOperation,
  conditionsOperation,
  addConditionOperation,
  removeConditionOperation,
  alertsOperation,
] as readonly Operation[]
