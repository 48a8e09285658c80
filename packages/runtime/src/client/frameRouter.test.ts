import {
  decodeMessage,
  Response,
  type ResponseFamily,
  type ResponseType,
  responseTypes,
  SnapshotResponse,
  TickerSubscriptionRequest,
  TradingResponse,
  UpdateResponse,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import { createFakeKraken, loadSamples } from '../testing/fakeKraken.js'

const frames = [
  ...loadSamples('samples.json'),
  ...loadSamples('live-samples.json'),
]
  .filter((sample) => sample.direction === 'receive')
  .map((sample) => sample.text)

function count(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1)
}

describe('frame routing', () => {
  test('default', async () => {
    const { kraken, receive, errors } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const byType = new Map<string, number>()
    const byFamily = new Map<string, number>()
    const types = Object.values(responseTypes) as ResponseType[]
    for (const type of types) {
      kraken.trigger(type, () => count(byType, type.name))
    }
    const families: ResponseFamily[] = [
      Response,
      SnapshotResponse,
      UpdateResponse,
      TradingResponse,
    ]
    for (const family of families) {
      kraken.trigger(family, () => count(byFamily, family.name))
    }
    let catchAll = 0
    kraken.onFrame(() => {
      catchAll++
    })

    const expectedTypes = new Map<string, number>()
    const expectedFamilies = new Map<string, number>()
    let responses = 0
    for (const text of frames) {
      const result = decodeMessage(text)
      if (!result.ok) continue
      for (const response of result.responses) {
        responses++
        count(expectedTypes, response.name)
        for (const family of response.type.families) {
          count(expectedFamilies, family.name)
        }
      }
    }
    for (const text of frames) receive('public', text)

    expect(byType).toEqual(expectedTypes)
    expect(byFamily).toEqual(expectedFamilies)
    expect(byFamily.get('Response')).toBe(responses)
    expect(catchAll).toBe(responses + errors.length)
    // Every response type of the schema is among the samples.
    expect(
      types.map((type) => type.name).filter((name) => !byType.has(name)),
    ).toEqual([])
    await kraken.stop()
  })
})
