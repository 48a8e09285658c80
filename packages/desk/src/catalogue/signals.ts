import {
  ConditionDefinitionSchema,
  ema,
  rsi,
  sma,
} from '@kraken-sockets/indicators'
import * as v from 'valibot'
import { DeskInputError, DeskNotFoundError } from '../errors.js'
import { defineOperation } from './operation.js'
import { SymbolSchema } from './schemas.js'

const seriesValue = v.nullable(v.unknown())

/** `indicators`: the latest value of every series the desk publishes. */
export const indicatorsOperation = defineOperation({
  name: 'indicators',
  summary: 'Indicator values',
  description:
    'Returns the latest value of every named series the desk computes: per allowed symbol "<SYMBOL>:last", ":bid", ":ask" (ticker fields), "<SYMBOL>:book" (verified-book features: mid, spread, spreadBps, microprice, imbalance, bidDepth, askDepth), and indicators added with track_indicator. null means no value yet. Conditions refer to these names (book features as "<SYMBOL>:book.mid" and so on).',
  http: { method: 'GET', path: '/indicators' },
  input: v.object({}),
  output: v.object({ series: v.record(v.string(), seriesValue) }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    const names = new Set<string>()
    for (const name of desk.series) names.add(name.replace(/\.[a-zA-Z]+$/, ''))
    const series: Record<string, unknown> = {}
    for (const name of [...names].sort())
      series[name] = desk.feed.result(name) ?? null
    return { series }
  },
})

/** `track_indicator`: adds an SMA, EMA or RSI over a ticker field. */
export const trackIndicatorOperation = defineOperation({
  name: 'track_indicator',
  summary: 'Track an indicator',
  description:
    'Adds a streaming indicator (sma, ema or rsi over period samples) fed by a ticker field (last, bid or ask) of a symbol the desk receives tickers for, published as the series name (use it in conditions). Changes no money.',
  http: { method: 'POST', path: '/indicators' },
  input: v.object({
    name: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9:/_.-]{1,64}$/, 'letters, digits and :/_.-'),
    ),
    symbol: SymbolSchema,
    indicator: v.picklist(['sma', 'ema', 'rsi']),
    period: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(1000)),
    field: v.optional(v.picklist(['last', 'bid', 'ask']), 'last'),
  }),
  output: v.object({ name: v.string() }),
  readOnly: false,
  changesMoney: false,
  idempotent: false,
  scope: 'read',
  async run(desk, input) {
    if (desk.series.has(input.name)) {
      throw new DeskInputError('track_indicator', [
        `name: ${input.name} is already tracked`,
      ])
    }
    const make = { sma, ema, rsi }[input.indicator]
    const field = input.field
    desk.feed.track({
      name: input.name,
      symbol: input.symbol,
      channel: 'ticker',
      indicator: make(input.period),
      input: (ticker) => ticker[field] as number,
    })
    desk.series.add(input.name)
    return { name: input.name }
  },
})

const StatusSchema = v.looseObject({
  id: v.string(),
  state: v.picklist(['armed', 'cooling', 'fired', 'done', 'blocked']),
  firedCount: v.number(),
})

/** `conditions`: every condition with its state. */
export const conditionsOperation = defineOperation({
  name: 'conditions',
  summary: 'Alert conditions',
  description:
    'Lists the alert conditions (their definitions) and each one state: armed, cooling, fired, done, or blocked with the reason (no_data, stale: the feed went silent, out_of_sync: the book is not verified). A blocked condition never fires on stale data.',
  http: { method: 'GET', path: '/conditions' },
  input: v.object({}),
  output: v.object({
    conditions: v.array(
      v.object({
        definition: v.looseObject({ id: v.string() }),
        status: v.optional(StatusSchema),
      }),
    ),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    desk.alerts.check()
    return {
      conditions: desk.alerts.definitions().map((definition) => ({
        definition,
        status: desk.alerts.status(definition.id) as
          | v.InferInput<typeof StatusSchema>
          | undefined,
      })),
    }
  },
})

/** `add_condition`: adds a declarative alert condition. */
export const addConditionOperation = defineOperation({
  name: 'add_condition',
  summary: 'Add an alert condition',
  description:
    'Adds a condition on a series (see indicators): op lt, gt, lte, gte, crosses_above or crosses_below against a number or { ref: another series }, or between / outside a [low, high] range; mode once or rearm, with cooldown (ms), hysteresis and maxAge (ms, staleness limit). When it fires, an alert appears in GET /alerts and on GET /events. Changes no money.',
  http: { method: 'POST', path: '/conditions' },
  input: ConditionDefinitionSchema,
  output: v.object({ definition: v.looseObject({ id: v.string() }) }),
  readOnly: false,
  changesMoney: false,
  idempotent: false,
  scope: 'read',
  async run(desk, input) {
    try {
      return { definition: desk.alerts.add(input) }
    } catch (error) {
      throw new DeskInputError('add_condition', [
        error instanceof Error ? error.message : String(error),
      ])
    }
  },
})

/** `remove_condition`: removes a condition by id. */
export const removeConditionOperation = defineOperation({
  name: 'remove_condition',
  summary: 'Remove an alert condition',
  description: 'Removes the condition with this id. Changes no money.',
  http: { method: 'POST', path: '/conditions/remove' },
  input: v.object({ id: v.string() }),
  output: v.object({ removed: v.literal(true) }),
  readOnly: false,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk, input) {
    if (!desk.alerts.remove(input.id))
      throw new DeskNotFoundError(`No condition ${input.id}.`)
    return { removed: true as const }
  },
})

/** `alerts`: the alerts fired recently. */
export const alertsOperation = defineOperation({
  name: 'alerts',
  summary: 'Recent alerts',
  description:
    'Returns the last 200 alerts, oldest first: conditionId, the series (on), op, the value that fired it, the threshold, at (epoch ms), firedCount and message. Live alerts also stream on GET /events.',
  http: { method: 'GET', path: '/alerts' },
  input: v.object({}),
  output: v.object({
    alerts: v.array(
      v.looseObject({
        conditionId: v.string(),
        on: v.string(),
        value: v.number(),
        at: v.number(),
      }),
    ),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    return { alerts: desk.recentAlerts.map((alert) => ({ ...alert })) }
  },
})
