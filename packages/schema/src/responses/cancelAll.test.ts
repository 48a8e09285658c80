import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { CancelAllResponse } from './responseTypes.js'

describe('cancelAll response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['cancel_all'],
    types: [CancelAllResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: CancelAllResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
