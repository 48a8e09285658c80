import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import { OHLCSnapshotResponse, OHLCUpdateResponse } from './responseTypes.js'

describe('ohlc response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['ohlc'],
    types: [OHLCSnapshotResponse, OHLCUpdateResponse],
    missing: { at: ['data', 0, 'close'], path: 'data[0].close' },
    literal: {
      type: OHLCSnapshotResponse,
      at: ['channel'],
      value: 'ticker',
      path: 'channel',
    },
  })
})
