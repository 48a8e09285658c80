import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import {
  TickerSnapshotResponse,
  TickerUpdateResponse,
} from './responseTypes.js'

describe('ticker response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['ticker'],
    types: [TickerSnapshotResponse, TickerUpdateResponse],
    missing: { at: ['data', 0, 'bid'], path: 'data[0].bid' },
    literal: {
      type: TickerSnapshotResponse,
      at: ['type'],
      value: 'update',
      path: 'type',
    },
  })
})
