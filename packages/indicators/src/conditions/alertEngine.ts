import { DuplicateConditionError } from '../errors.js'
import {
  type ConditionDefinition,
  type ConditionDefinitionInput,
  parseCondition,
} from './definition.js'
import { cleared, crossed, holds } from './operators.js'
import type { Alert, Blocked, ConditionStatus, InvalidReason } from './types.js'

/** Options of {@link createAlertEngine}. */
export interface AlertEngineOptions {
  /** The clock (epoch ms), injectable for tests and replays. @default Date.now */
  readonly now?: (() => number) | undefined
  /** `maxAge` (ms) of conditions that set none; `undefined`: no age limit. */
  readonly defaultMaxAge?: number | undefined
  /**
   * Called with every alert, after the engine's state is updated. What it
   * throws propagates from `update()` (inside a runtime trigger, the
   * runtime reports it as a handler failure).
   */
  readonly onAlert?: ((alert: Alert) => void) | undefined
}

/** Holds named series values and the conditions over them. */
export interface AlertEngine {
  /**
   * Adds a condition (validated; defaults filled in) and returns it.
   * @throws {ConditionDefinitionError} when the definition is invalid.
   * @throws {DuplicateConditionError} when its id is taken.
   */
  add(definition: ConditionDefinitionInput): ConditionDefinition
  /**
   * Adds a condition read from JSON (validated the same way).
   * @throws {ConditionDefinitionError} when the definition is invalid.
   * @throws {DuplicateConditionError} when its id is taken.
   */
  add(definition: unknown): ConditionDefinition
  /** Removes a condition; returns whether it existed. */
  remove(id: string): boolean
  /** The conditions, as validated definitions (JSON-serialisable). */
  definitions(): ConditionDefinition[]
  /**
   * Records a series value (at the clock's time) and evaluates the
   * conditions that read it; returns the alerts fired.
   */
  update(series: string, value: number): Alert[]
  /** Withholds a series' value until its next update (its book went out of sync). */
  invalidate(series: string, reason?: InvalidReason): void
  /** Re-evaluates staleness of every condition without firing; returns their states. */
  check(): ConditionStatus[]
  /** The state of one condition, or `undefined` for an unknown id. */
  status(id: string): ConditionStatus | undefined
}

interface SeriesValue {
  value: number
  at: number
  invalid: InvalidReason | undefined
}

interface ConditionState {
  readonly def: ConditionDefinition
  /** The series it reads: `on`, and the ref operand's series if any. */
  readonly series: readonly string[]
  readonly maxAge: number | undefined
  armed: boolean
  done: boolean
  blocked: Blocked | undefined
  lastValue: number | undefined
  firedCount: number
  lastFiredAt: number | undefined
  /** value − threshold at the previous evaluation, for crossings. */
  previousDiff: number | undefined
  previousAt: number
}

/**
 * Creates an engine that evaluates declarative conditions on named series
 * (an indicator's output, a ticker field, a book feature) as they update.
 *
 * Staleness-aware: before evaluating, every series a condition reads must
 * have a value, not older than its `maxAge` on the engine clock, and not
 * withheld by {@link AlertEngine.invalidate} (an out-of-sync book). If not,
 * the condition is `blocked` with the reason and does not fire; a crossing
 * is never detected across such a gap. Cost per update: O(conditions that
 * read the series).
 *
 * @example
 * ```ts
 * import { createAlertEngine } from '@kraken-sockets/indicators'
 * const engine = createAlertEngine({ defaultMaxAge: 30_000, onAlert: console.log })
 * engine.add({ id: 'dip', on: 'BTC/USD:ticker.last', op: 'crosses_below', value: 60_000 })
 * engine.update('BTC/USD:ticker.last', 60_100)
 * engine.update('BTC/USD:ticker.last', 59_990) // fires 'dip'
 * ```
 */
export function createAlertEngine(
  options: AlertEngineOptions = {},
): AlertEngine {
  const now = options.now ?? Date.now
  const values = new Map<string, SeriesValue>()
  const conditions = new Map<string, ConditionState>()
  const readers = new Map<string, Set<ConditionState>>()

  const seriesOf = (def: ConditionDefinition): string[] =>
    'value' in def && typeof def.value === 'object'
      ? [def.on, def.value.ref]
      : [def.on]

  /** The first reason `series` cannot be used at `t`, if any. */
  const blockOf = (
    series: string,
    t: number,
    maxAge: number | undefined,
  ): Blocked | undefined => {
    const entry = values.get(series)
    if (entry === undefined) return { reason: 'no_data', series }
    if (entry.invalid !== undefined) return { reason: entry.invalid, series }
    const age = t - entry.at
    if (maxAge !== undefined && age > maxAge)
      return { reason: 'stale', series, age }
    return undefined
  }

  const blockAll = (state: ConditionState, t: number): Blocked | undefined => {
    for (const series of state.series) {
      const blocked = blockOf(series, t, state.maxAge)
      if (blocked !== undefined) return blocked
    }
    return undefined
  }

  const thresholdOf = (def: ConditionDefinition): number =>
    'value' in def
      ? typeof def.value === 'number'
        ? def.value
        : (values.get(def.value.ref)?.value ?? Number.NaN)
      : Number.NaN

  const evaluate = (state: ConditionState, t: number): Alert | undefined => {
    const { def } = state
    state.blocked = blockAll(state, t)
    if (state.blocked !== undefined) {
      state.previousDiff = undefined
      return undefined
    }
    const x = values.get(def.on)?.value ?? Number.NaN
    const threshold = thresholdOf(def)
    state.lastValue = x
    let active: boolean
    if (def.op === 'crosses_above' || def.op === 'crosses_below') {
      const diff = x - threshold
      const recent =
        state.maxAge === undefined || t - state.previousAt <= state.maxAge
      active =
        state.previousDiff !== undefined &&
        recent &&
        crossed(def.op, state.previousDiff, diff)
      state.previousDiff = diff
      state.previousAt = t
    } else active = holds(def, x, threshold)

    if (state.done) return undefined
    if (!state.armed) {
      if (cleared(def, x, threshold)) state.armed = true
      return undefined
    }
    if (!active || isCooling(state, t)) return undefined
    state.firedCount++
    state.lastFiredAt = t
    state.armed = false
    state.done = def.mode === 'once'
    return {
      conditionId: def.id,
      on: def.on,
      op: def.op,
      value: x,
      threshold: 'range' in def ? def.range : threshold,
      at: t,
      firedCount: state.firedCount,
      message: def.message,
    }
  }

  const isCooling = (state: ConditionState, t: number): boolean =>
    state.lastFiredAt !== undefined &&
    t - state.lastFiredAt < state.def.cooldown

  const statusOf = (state: ConditionState, t: number): ConditionStatus => ({
    id: state.def.id,
    state: state.done
      ? 'done'
      : state.blocked !== undefined
        ? 'blocked'
        : !state.armed
          ? 'fired'
          : isCooling(state, t)
            ? 'cooling'
            : 'armed',
    blocked: state.blocked,
    lastValue: state.lastValue,
    firedCount: state.firedCount,
    lastFiredAt: state.lastFiredAt,
  })

  return {
    add(definition) {
      const def = parseCondition(definition)
      if (conditions.has(def.id)) throw new DuplicateConditionError(def.id)
      const state: ConditionState = {
        def,
        series: seriesOf(def),
        maxAge: def.maxAge ?? options.defaultMaxAge,
        armed: true,
        done: false,
        blocked: undefined,
        lastValue: undefined,
        firedCount: 0,
        lastFiredAt: undefined,
        previousDiff: undefined,
        previousAt: 0,
      }
      conditions.set(def.id, state)
      for (const series of state.series) {
        const set = readers.get(series) ?? new Set<ConditionState>()
        readers.set(series, set)
        set.add(state)
      }
      state.blocked = blockAll(state, now())
      return def
    },
    remove(id) {
      const state = conditions.get(id)
      if (state === undefined) return false
      conditions.delete(id)
      for (const series of state.series) readers.get(series)?.delete(state)
      return true
    },
    definitions: () => [...conditions.values()].map((s) => s.def),
    update(series, value) {
      const t = now()
      const entry = values.get(series)
      if (entry === undefined)
        values.set(series, { value, at: t, invalid: undefined })
      else {
        entry.value = value
        entry.at = t
        entry.invalid = undefined
      }
      const fired: Alert[] = []
      const states = readers.get(series)
      if (states === undefined) return fired
      for (const state of states) {
        const alert = evaluate(state, t)
        if (alert !== undefined) fired.push(alert)
      }
      for (const alert of fired) options.onAlert?.(alert)
      return fired
    },
    invalidate(series, reason = 'out_of_sync') {
      const entry = values.get(series)
      if (entry === undefined)
        values.set(series, { value: Number.NaN, at: now(), invalid: reason })
      else entry.invalid = reason
      const t = now()
      for (const state of readers.get(series) ?? []) {
        state.blocked = blockAll(state, t)
        state.previousDiff = undefined
      }
    },
    check() {
      const t = now()
      return [...conditions.values()].map((state) => {
        state.blocked = blockAll(state, t)
        if (state.blocked !== undefined) state.previousDiff = undefined
        return statusOf(state, t)
      })
    },
    status(id) {
      const state = conditions.get(id)
      return state === undefined ? undefined : statusOf(state, now())
    },
  }
}
