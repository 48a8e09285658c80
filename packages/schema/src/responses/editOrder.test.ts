import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { EditOrderResponse } from './responseTypes.js'

describe('editOrder response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['edit_order'],
    types: [EditOrderResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: EditOrderResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
