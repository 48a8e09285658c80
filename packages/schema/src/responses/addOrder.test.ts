import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { AddOrderResponse } from './responseTypes.js'

describe('addOrder response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['add_order'],
    types: [AddOrderResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: AddOrderResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
