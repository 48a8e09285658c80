import * as v from 'valibot'
import { ConditionDefinitionError } from '../errors.js'

const NameSchema = v.pipe(v.string(), v.minLength(1, 'Expected a series name.'))
const FiniteSchema = v.pipe(v.number(), v.finite())

/** The other side of a comparison: a number, or another series by name. */
export const OperandSchema = v.union([
  FiniteSchema,
  v.strictObject({ ref: NameSchema }),
])

const common = {
  /** Unique id; alerts carry it. */
  id: v.pipe(v.string(), v.minLength(1, 'Expected a non-empty id.')),
  /** The series (indicator output or field) the condition watches. */
  on: NameSchema,
  /** `once`: fires one time, then is done. `rearm`: fires again after clearing. */
  mode: v.optional(v.picklist(['once', 'rearm']), 'rearm'),
  /** ms after a fire during which it does not fire again. */
  cooldown: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 0),
  /** How far past the threshold the value must go back before re-arming. */
  hysteresis: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0)), 0),
  /** ms after which a series' last value is stale; the engine default when absent. */
  maxAge: v.optional(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  /** Free text carried by the alert. */
  message: v.optional(v.string()),
}

/**
 * A serialisable alert condition (plain JSON), validated by valibot.
 *
 * @example
 * ```json
 * { "id": "rsi-oversold", "on": "rsi14", "op": "lt", "value": 30,
 *   "mode": "rearm", "hysteresis": 5, "cooldown": 60000, "maxAge": 90000 }
 * ```
 */
export const ConditionDefinitionSchema = v.variant('op', [
  v.strictObject({
    ...common,
    op: v.picklist([
      'lt',
      'lte',
      'gt',
      'gte',
      'crosses_above',
      'crosses_below',
    ]),
    value: OperandSchema,
  }),
  v.strictObject({
    ...common,
    op: v.picklist(['between', 'outside']),
    range: v.pipe(
      v.tuple([FiniteSchema, FiniteSchema]),
      v.check(
        ([lo, hi]) => lo <= hi,
        'Expected range [low, high] with low <= high.',
      ),
    ),
  }),
])

/** A condition as written (JSON), before defaults. */
export type ConditionDefinitionInput = v.InferInput<
  typeof ConditionDefinitionSchema
>
/** A validated condition, with defaults filled in. */
export type ConditionDefinition = v.InferOutput<
  typeof ConditionDefinitionSchema
>
/** Every comparison a condition can make. */
export type ConditionOp = ConditionDefinition['op']
/** A number or `{ ref: name }`. */
export type Operand = v.InferOutput<typeof OperandSchema>

/**
 * Validates a condition definition (for instance one read from JSON).
 *
 * @example
 * ```ts
 * import { parseCondition } from '@kraken-sockets/indicators'
 * const c = parseCondition({ id: 'a', on: 'BTC/USD:ticker.last', op: 'gt', value: 70_000 })
 * ```
 * @throws {ConditionDefinitionError} listing every problem with its path.
 */
export function parseCondition(input: unknown): ConditionDefinition {
  const result = v.safeParse(ConditionDefinitionSchema, input)
  if (result.success) return result.output
  const id =
    typeof input === 'object' &&
    input !== null &&
    'id' in input &&
    typeof input.id === 'string'
      ? input.id
      : undefined
  throw new ConditionDefinitionError({
    conditionId: id,
    issues: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    })),
    cause: new v.ValiError(result.issues),
  })
}
