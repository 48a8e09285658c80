import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { CancelAllOrdersAfterResponse } from './responseTypes.js'

describe('cancelAllOrdersAfter response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['cancel_all_orders_after'],
    types: [CancelAllOrdersAfterResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: CancelAllOrdersAfterResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
