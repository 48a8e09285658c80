import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { HeartbeatResponse } from './responseTypes.js'

describe('heartbeat response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['heartbeat'],
    types: [HeartbeatResponse],
    missing: { at: ['channel'], path: '' },
    literal: {
      type: HeartbeatResponse,
      at: ['channel'],
      value: 'status',
      path: 'channel',
    },
  })
})
