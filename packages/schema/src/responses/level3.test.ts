import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { OrderSnapshotResponse, OrderUpdateResponse } from './responseTypes.js'

describe('level3 response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['level3'],
    types: [OrderSnapshotResponse, OrderUpdateResponse],
    missing: { at: ['data', 0, 'checksum'], path: 'data[0].checksum' },
    literal: {
      type: OrderSnapshotResponse,
      at: ['type'],
      value: 'update',
      path: 'type',
    },
  })
})
