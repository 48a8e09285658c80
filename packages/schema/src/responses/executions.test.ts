import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import {
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
} from './responseTypes.js'

describe('executions response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['executions'],
    types: [ExecutionsSnapshotResponse, ExecutionsUpdateResponse],
    missing: { at: ['data'], path: 'data' },
    literal: {
      type: ExecutionsUpdateResponse,
      at: ['executions', 0, 'exec_type'],
      value: 'exploded',
      path: 'executions[0].exec_type',
    },
  })
})
