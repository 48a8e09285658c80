import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { SubscriptionResponse } from './responseTypes.js'

describe('subscribe response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['subscribe'],
    types: [SubscriptionResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: SubscriptionResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
