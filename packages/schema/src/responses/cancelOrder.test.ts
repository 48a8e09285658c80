import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { CancelOrderResponse } from './responseTypes.js'

describe('cancelOrder response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['cancel_order'],
    types: [CancelOrderResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: CancelOrderResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
