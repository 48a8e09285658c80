import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { AmendOrderResponse } from './responseTypes.js'

describe('amendOrder response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['amend_order'],
    types: [AmendOrderResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: AmendOrderResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
