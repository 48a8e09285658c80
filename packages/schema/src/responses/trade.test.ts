import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import {
  TradesSnapshotResponse,
  TradesUpdateResponse,
} from './responseTypes.js'

describe('trade response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['trade'],
    types: [TradesSnapshotResponse, TradesUpdateResponse],
    missing: { at: ['data', 0, 'price'], path: 'data[0].price' },
    literal: {
      type: TradesSnapshotResponse,
      at: ['trades', 0, 'side'],
      value: 'hold',
      path: 'trades[0].side',
    },
  })
})
