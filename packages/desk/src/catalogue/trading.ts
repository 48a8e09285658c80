import {
  AddOrderRequest,
  AmendOrderRequest,
  BatchAddRequest,
  CancelAllOrdersAfterRequest,
  CancelAllRequest,
  CancelOrderRequest,
  EditOrderRequest,
} from '@kraken-sockets/runtime'
import * as v from 'valibot'
import type { Desk } from '../desk.js'
import { DeskInputError, RiskRefusedError } from '../errors.js'
import { clOrdIdForKey } from '../idempotency.js'
import { defineOperation } from './operation.js'
import {
  ackSchema,
  DecimalSchema,
  OrderIdsSchema,
  OrderTypeSchema,
  SideSchema,
  SymbolSchema,
} from './schemas.js'
import { build, findOrder, nothingSent, riskContext, send } from './send.js'

const MONEY_NOTE =
  'Changes money: checked first against the risk policy (allowed symbols, max notional, max open orders, price band around the verified mid, orders per minute; see GET /status), then sent to Kraken, and the answer is awaited.'

const ERRORS_NOTE =
  'Errors: risk_refused (names the rule; nothing sent), rejected (Kraken refused; nothing placed), not_sent (never left the desk; safe to retry), outcome_unknown (sent but unanswered: the order may be live; look it up with GET /orders before retrying).'

/** Runs `action` once per idempotency key, if there is one. */
function once<T>(
  desk: Desk,
  scope: string,
  key: string | undefined,
  action: () => Promise<T>,
) {
  return key === undefined
    ? action()
    : desk.idempotency.run(`${scope}:${key}`, action, nothingSent)
}

function refuseInValidateMode(desk: Desk, method: string): void {
  if (desk.mode === 'validate') {
    throw new RiskRefusedError(
      'mode',
      `${method} is not available in validate mode: no order is ever placed.`,
    )
  }
}

const PlaceInputSchema = v.object({
  symbol: SymbolSchema,
  side: SideSchema,
  order_type: OrderTypeSchema,
  order_qty: DecimalSchema,
  limit_price: v.optional(DecimalSchema),
  time_in_force: v.optional(v.picklist(['gtc', 'ioc'])),
  post_only: v.optional(v.boolean()),
  reduce_only: v.optional(v.boolean()),
  cl_ord_id: v.optional(
    v.pipe(
      v.string(),
      v.description(
        'Your id for the order; the Idempotency-Key header sets it when absent.',
      ),
    ),
  ),
})

/** `place_order`: adds one order. */
export const placeOrderOperation = defineOperation({
  name: 'place_order',
  summary: 'Place an order',
  description: `Places one limit or market order (quantity and price as decimal text, e.g. "0.01"; limit orders need limit_price) and returns Kraken's ack with order_id and cl_ord_id. In validate mode Kraken only checks it. ${MONEY_NOTE} Send an Idempotency-Key header (over HTTP) so that a retry never places twice. ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders' },
  input: PlaceInputSchema,
  output: ackSchema(OrderIdsSchema),
  readOnly: false,
  changesMoney: true,
  idempotent: false,
  scope: 'trade',
  run(desk, input, call) {
    const keyed =
      call.idempotencyKey === undefined
        ? undefined
        : clOrdIdForKey(call.idempotencyKey)
    if (
      keyed !== undefined &&
      input.cl_ord_id !== undefined &&
      input.cl_ord_id !== keyed
    ) {
      return Promise.reject(
        new DeskInputError('place_order', [
          'cl_ord_id: differs from the one the Idempotency-Key stands for',
        ]),
      )
    }
    return once(desk, 'place_order', call.idempotencyKey, async () => {
      if (input.order_type === 'limit' && input.limit_price === undefined) {
        throw new DeskInputError('place_order', [
          'limit_price: a limit order needs one',
        ])
      }
      desk.risk.admit(
        [
          {
            symbol: input.symbol,
            qty: Number(input.order_qty),
            price:
              input.limit_price === undefined
                ? undefined
                : Number(input.limit_price),
          },
        ],
        riskContext(desk),
        true,
      )
      const clOrdId = input.cl_ord_id ?? keyed
      const request = build('place_order', () =>
        AddOrderRequest({
          ...input,
          ...(clOrdId === undefined ? {} : { cl_ord_id: clOrdId }),
          ...(desk.mode === 'validate' ? { validate: true } : {}),
        } as Parameters<typeof AddOrderRequest>[0]),
      )
      return send(desk, request, clOrdId)
    })
  },
})

const OrderRefSchema = {
  order_id: v.optional(v.string()),
  cl_ord_id: v.optional(v.string()),
}

/** `amend_order`: changes an open order in place (keeps its queue priority when the qty shrinks). */
export const amendOrderOperation = defineOperation({
  name: 'amend_order',
  summary: 'Amend an open order',
  description: `Changes the quantity and/or limit price of an open order (by order_id or cl_ord_id) in place; the order keeps its identifiers. ${MONEY_NOTE} ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders/amend' },
  input: v.object({
    ...OrderRefSchema,
    order_qty: v.optional(DecimalSchema),
    limit_price: v.optional(DecimalSchema),
  }),
  output: ackSchema(
    v.looseObject({ amend_id: v.string(), ...OrderIdsSchema.entries }),
  ),
  readOnly: false,
  changesMoney: true,
  idempotent: true,
  scope: 'trade',
  async run(desk, input, call) {
    return once(desk, 'amend_order', call.idempotencyKey, async () => {
      refuseInValidateMode(desk, 'amend_order')
      const id = input.order_id ?? input.cl_ord_id
      if (id === undefined)
        throw new DeskInputError('amend_order', [
          'order_id or cl_ord_id is required',
        ])
      const order = findOrder(desk, id)
      if (order === undefined) {
        throw new RiskRefusedError(
          'unknown_order',
          `No open order ${id} is known to the desk.`,
        )
      }
      const price = input.limit_price ?? order.limit_price
      desk.risk.admit(
        [
          {
            symbol: order.symbol ?? '',
            qty: Number(input.order_qty ?? order.order_qty),
            price: price === undefined ? undefined : Number(price),
          },
        ],
        riskContext(desk),
        false,
      )
      const request = build('amend_order', () =>
        AmendOrderRequest({
          ...(input.order_id === undefined ? {} : { order_id: input.order_id }),
          ...(input.cl_ord_id === undefined
            ? {}
            : { cl_ord_id: input.cl_ord_id }),
          ...(input.order_qty === undefined
            ? {}
            : { order_qty: input.order_qty }),
          ...(input.limit_price === undefined
            ? {}
            : { limit_price: input.limit_price }),
        } as Parameters<typeof AmendOrderRequest>[0]),
      )
      return send(desk, request)
    })
  },
})

/** `edit_order`: replaces an open order with a new one (new order_id, new queue place). */
export const editOrderOperation = defineOperation({
  name: 'edit_order',
  summary: 'Edit (replace) an open order',
  description: `Replaces an open order (by order_id) with a new one carrying the new quantity and/or limit price; the answer has the new order_id and original_order_id. Prefer amend_order, which keeps the order's queue priority. ${MONEY_NOTE} ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders/edit' },
  input: v.object({
    order_id: v.string(),
    symbol: SymbolSchema,
    order_qty: v.optional(DecimalSchema),
    limit_price: v.optional(DecimalSchema),
  }),
  output: ackSchema(
    v.looseObject({
      order_id: v.string(),
      original_order_id: v.string(),
      warnings: v.optional(v.array(v.string())),
    }),
  ),
  readOnly: false,
  changesMoney: true,
  idempotent: false,
  scope: 'trade',
  async run(desk, input, call) {
    return once(desk, 'edit_order', call.idempotencyKey, async () => {
      const order = findOrder(desk, input.order_id)
      if (order === undefined) {
        throw new RiskRefusedError(
          'unknown_order',
          `No open order ${input.order_id} is known to the desk.`,
        )
      }
      const price = input.limit_price ?? order.limit_price
      desk.risk.admit(
        [
          {
            symbol: input.symbol,
            qty: Number(input.order_qty ?? order.order_qty),
            price: price === undefined ? undefined : Number(price),
          },
        ],
        riskContext(desk),
        false,
      )
      const request = build('edit_order', () =>
        EditOrderRequest({
          ...input,
          ...(desk.mode === 'validate' ? { validate: true } : {}),
        } as Parameters<typeof EditOrderRequest>[0]),
      )
      return send(desk, request)
    })
  },
})

/** `cancel_order`: cancels open orders by id. */
export const cancelOrderOperation = defineOperation({
  name: 'cancel_order',
  summary: 'Cancel orders',
  description: `Cancels the open orders listed in order_id and/or cl_ord_id and returns Kraken's ack. Cancelling reduces risk, so the risk policy does not apply; it changes money (the orders stop being live). ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders/cancel' },
  input: v.object({
    order_id: v.optional(v.pipe(v.array(v.string()), v.minLength(1))),
    cl_ord_id: v.optional(v.pipe(v.array(v.string()), v.minLength(1))),
  }),
  output: ackSchema(OrderIdsSchema),
  readOnly: false,
  changesMoney: true,
  idempotent: true,
  scope: 'trade',
  async run(desk, input) {
    const request = build('cancel_order', () =>
      CancelOrderRequest({
        ...(input.order_id === undefined
          ? {}
          : { order_id: [...input.order_id] }),
        ...(input.cl_ord_id === undefined
          ? {}
          : { cl_ord_id: [...input.cl_ord_id] }),
      } as Parameters<typeof CancelOrderRequest>[0]),
    )
    return send(desk, request)
  },
})

/** `cancel_all`: cancels every open order. */
export const cancelAllOperation = defineOperation({
  name: 'cancel_all',
  summary: 'Cancel all open orders',
  description: `Cancels every open order of the account and returns how many were cancelled (count). Use it to flatten quickly. ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders/cancel-all' },
  input: v.object({}),
  output: ackSchema(
    v.looseObject({
      count: v.number(),
      warnings: v.optional(v.array(v.string())),
    }),
  ),
  readOnly: false,
  changesMoney: true,
  idempotent: true,
  scope: 'trade',
  async run(desk) {
    return send(desk, CancelAllRequest())
  },
})

/** `batch_add`: places 2 to 15 orders of one symbol at once. */
export const batchAddOperation = defineOperation({
  name: 'batch_add',
  summary: 'Place a batch of orders',
  description: `Places 2 to 15 limit or market orders on one symbol in one request; Kraken accepts or refuses the batch as a whole. Every order passes the risk policy first. With an Idempotency-Key, order i gets a cl_ord_id derived from the key and i, so a retry never places twice. ${MONEY_NOTE} ${ERRORS_NOTE}`,
  http: { method: 'POST', path: '/orders/batch' },
  input: v.object({
    symbol: SymbolSchema,
    orders: v.pipe(
      v.array(
        v.object({
          side: SideSchema,
          order_type: OrderTypeSchema,
          order_qty: DecimalSchema,
          limit_price: v.optional(DecimalSchema),
        }),
      ),
      v.minLength(2),
      v.maxLength(15),
    ),
  }),
  output: ackSchema(v.array(OrderIdsSchema)),
  readOnly: false,
  changesMoney: true,
  idempotent: false,
  scope: 'trade',
  run(desk, input, call) {
    const key = call.idempotencyKey
    return once(desk, 'batch_add', key, async () => {
      for (const [i, order] of input.orders.entries()) {
        if (order.order_type === 'limit' && order.limit_price === undefined) {
          throw new DeskInputError('batch_add', [
            `orders.${i}.limit_price: a limit order needs one`,
          ])
        }
      }
      desk.risk.admit(
        input.orders.map((order) => ({
          symbol: input.symbol,
          qty: Number(order.order_qty),
          price:
            order.limit_price === undefined
              ? undefined
              : Number(order.limit_price),
        })),
        riskContext(desk),
        true,
      )
      const request = build('batch_add', () =>
        BatchAddRequest({
          symbol: input.symbol,
          orders: input.orders.map((order, i) => ({
            ...order,
            ...(key === undefined
              ? {}
              : { cl_ord_id: clOrdIdForKey(`${key}#${i}`) }),
          })),
          ...(desk.mode === 'validate' ? { validate: true } : {}),
        } as Parameters<typeof BatchAddRequest>[0]),
      )
      return send(desk, request)
    })
  },
})

/** `dead_mans_switch`: arms or disarms Kraken's cancel-all-after timer. */
export const deadMansSwitchOperation = defineOperation({
  name: 'dead_mans_switch',
  summary: "Arm or disarm the dead man's switch",
  description:
    "Arms Kraken's dead man's switch: unless called again within timeout seconds, Kraken cancels every open order. Call it periodically (e.g. timeout 60 every 20 s) while your program is healthy; timeout 0 disarms. Returns Kraken's currentTime and triggerTime. Changes money only by cancelling.",
  http: { method: 'POST', path: '/dead-mans-switch' },
  input: v.object({
    timeout: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_399)),
  }),
  output: ackSchema(
    v.looseObject({ currentTime: v.string(), triggerTime: v.string() }),
  ),
  readOnly: false,
  changesMoney: true,
  idempotent: true,
  scope: 'trade',
  async run(desk, input) {
    refuseInValidateMode(desk, 'dead_mans_switch')
    return send(
      desk,
      build('dead_mans_switch', () =>
        CancelAllOrdersAfterRequest({ timeout: input.timeout }),
      ),
    )
  },
})
