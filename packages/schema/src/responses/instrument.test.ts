import { describe } from 'vitest'
import { testResponseSchema } from '../testing/responseSchemaCase.js'
import {
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
} from './responseTypes.js'

describe('instrument response schemas on the fixtures', () => {
  testResponseSchema({
    fixtures: ['instrument'],
    types: [InstrumentsSnapshotResponse, InstrumentsUpdateResponse],
    missing: { at: ['data', 'assets', 0, 'id'], path: 'data.assets[0].id' },
    literal: {
      type: InstrumentsSnapshotResponse,
      at: ['channel'],
      value: 'instruments',
      path: 'channel',
    },
  })
})
