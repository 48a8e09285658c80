import type {
  AddOrderParams,
  AmendOrderParams,
  BatchOrder,
  CancelOrderParams,
  EditOrderParams,
  Execution,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  Pair,
} from '@kraken-sockets/schema'
import { expectTypeOf, test } from 'vitest'
import type {
  ExecutionReport,
  LooseExecutionReport,
  LooseTrackedOrder,
  TrackedOrder,
} from './executionReport.js'
import type { ExecutionsMessage } from './orderTrackerTypes.js'
import type { CancelOrderTargets } from './responseCollector.js'
import type { InstrumentPair, OrderParams } from './types.js'

// `ExecutionReport` is schema's `Execution` made sparse; the other
// structural types must accept the schema's decoded
// values and request params as they are, so the runtime needs no conversion.
test('schema values plug into the trading core', () => {
  expectTypeOf<Execution>().toExtend<ExecutionReport>()
  expectTypeOf<ExecutionsSnapshotResponse>().toExtend<ExecutionsMessage>()
  expectTypeOf<ExecutionsUpdateResponse>().toExtend<ExecutionsMessage>()
  expectTypeOf<Pair>().toExtend<InstrumentPair>()
  expectTypeOf<AddOrderParams>().toExtend<OrderParams>()
  expectTypeOf<BatchOrder>().toExtend<Omit<OrderParams, 'symbol'>>()
  expectTypeOf<EditOrderParams>().toExtend<Partial<OrderParams>>()
  expectTypeOf<AmendOrderParams>().toExtend<Partial<OrderParams>>()
  expectTypeOf<CancelOrderParams>().toExtend<CancelOrderTargets>()
})

// The deprecated loose shapes still take every value of the schema-derived
// ones, so code reading them keeps compiling for the deprecation's minor.
test('the schema-derived report and order fit their deprecated loose shapes', () => {
  expectTypeOf<ExecutionReport>().toExtend<LooseExecutionReport>()
  expectTypeOf<TrackedOrder>().toExtend<LooseTrackedOrder>()
  // Derived, not restated: the report has exactly schema's fields.
  expectTypeOf<keyof ExecutionReport>().toEqualTypeOf<keyof Execution>()
})
