import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { BatchAddResponse } from './responseTypes.js'

describe('batchAdd response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['batch_add'],
    types: [BatchAddResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: BatchAddResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
