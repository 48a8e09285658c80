import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
} from './responseTypes.js'

describe('balances response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['balances'],
    types: [BalancesSnapshotResponse, BalancesUpdateResponse],
    missing: { at: ['data', 0, 'asset'], path: 'data[0].asset' },
    literal: {
      type: BalancesSnapshotResponse,
      at: ['type'],
      value: 'update',
      path: 'type',
    },
  })
})
