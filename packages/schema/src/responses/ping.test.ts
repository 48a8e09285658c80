import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { PingResponse } from './responseTypes.js'

describe('ping response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['pong', 'ping'],
    types: [PingResponse],
    missing: { at: ['method'], path: '' },
    literal: {
      type: PingResponse,
      at: ['method'],
      value: 'pang',
      path: 'method',
    },
  })
})
