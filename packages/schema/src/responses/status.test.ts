import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { StatusResponse } from './responseTypes.js'

describe('status response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['status'],
    types: [StatusResponse],
    missing: { at: ['data', 0, 'system'], path: 'data[0].system' },
    literal: {
      type: StatusResponse,
      at: ['system'],
      value: 'offline',
      path: 'system',
    },
  })
})
