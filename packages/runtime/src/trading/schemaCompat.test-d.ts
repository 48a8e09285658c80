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
import type { ExecutionReport } from './executionReport.js'
import type { ExecutionsMessage } from './orderTrackerTypes.js'
import type { CancelOrderTargets } from './responseCollector.js'
import type { InstrumentPair, OrderParams } from './types.js'

// The trading core's structural types must accept the schema's decoded
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
