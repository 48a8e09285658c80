import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { BatchCancelResponse } from './responseTypes.js'

describe('batchCancel response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['batch_cancel'],
    types: [BatchCancelResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: BatchCancelResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
