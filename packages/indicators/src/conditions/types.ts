import type { ConditionDefinition } from './definition.js'

/** Why a condition did not evaluate. */
export type BlockReason =
  /** A series it reads has no value yet. */
  | 'no_data'
  /** A series it reads has not updated within `maxAge` (the feed went silent). */
  | 'stale'
  /** A series it reads comes from a book that is out of sync. */
  | 'out_of_sync'
  /** A series it reads was withdrawn by its producer (an indicator without a result). */
  | 'unavailable'

/** Why a series' value may not be used, as given to `invalidate`. */
export type InvalidReason = 'out_of_sync' | 'unavailable'

/** A condition that could not evaluate, and why. */
export interface Blocked {
  readonly reason: BlockReason
  /** The series at fault. */
  readonly series: string
  /** Age of its last value (ms), for `stale`. */
  readonly age?: number | undefined
}

/** The state of one condition. */
export interface ConditionStatus {
  readonly id: string
  /**
   * `armed`: will fire when true. `cooling`: armed, but inside the cooldown.
   * `fired`: fired, waiting to clear (re-arming). `done`: a `once` condition
   * that fired. `blocked`: could not evaluate on its last look (see `blocked`).
   */
  readonly state: 'armed' | 'cooling' | 'fired' | 'done' | 'blocked'
  readonly blocked: Blocked | undefined
  /** The watched series' last value the condition evaluated. */
  readonly lastValue: number | undefined
  readonly firedCount: number
  /** Engine clock time of the last fire (ms). */
  readonly lastFiredAt: number | undefined
}

/** A condition fired. JSON-serialisable. */
export interface Alert {
  readonly conditionId: string
  readonly on: string
  readonly op: ConditionDefinition['op']
  /** The watched series' value that fired it. */
  readonly value: number
  /** The threshold it was compared with (a number, or the ref's value). */
  readonly threshold: number | readonly [number, number]
  /** Engine clock time (ms). */
  readonly at: number
  /** 1 for the first fire. */
  readonly firedCount: number
  readonly message: string | undefined
}
