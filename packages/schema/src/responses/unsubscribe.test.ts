import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { UnsubscribeResponse } from './responseTypes.js'

describe('unsubscribe response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['unsubscribe'],
    types: [UnsubscribeResponse],
    missing: { at: ['success'], path: 'success' },
    literal: {
      type: UnsubscribeResponse,
      at: ['method'],
      value: 'ping',
      path: 'method',
    },
  })
})
