import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { BookSnapshotResponse, BookUpdateResponse } from './responseTypes.js'

describe('book response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['book'],
    types: [BookSnapshotResponse, BookUpdateResponse],
    missing: { at: ['data', 0, 'checksum'], path: 'data[0].checksum' },
    literal: {
      type: BookSnapshotResponse,
      at: ['type'],
      value: 'update',
      path: 'type',
    },
  })
})
