import type { Fill, TrackedOrder } from './executionReport.js'
import type { OrderOutcome } from './orderHandle.js'

/** What the tracker keeps per order. */
export type OrderRecord = {
  /** Local time the order was first seen or last amended. */
  since: number
  order: TrackedOrder
  fills: Fill[]
  execIds: Set<string>
  outcome?: OrderOutcome
}
