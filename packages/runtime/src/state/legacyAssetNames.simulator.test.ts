/**
 * The older asset names, read from the simulator's REST `Assets` (a real
 * HTTP server on loopback that answers as Kraken does).
 */
import {
  DEFAULT_ASSETS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { legacyAssetNames } from './legacyAssetNames.js'
import { restAssetLookup } from './restAssets.js'

let simulator: Simulator

beforeAll(async () => {
  simulator = await startSimulator({
    rate: 0,
    assets: [
      ...DEFAULT_ASSETS,
      { ...(DEFAULT_ASSETS[0] as (typeof DEFAULT_ASSETS)[number]), id: 'DOGE' },
    ],
  })
})

afterAll(async () => {
  await simulator.close()
})

const restUrl = () => simulator.clientOptions().restUrl ?? ''

describe('legacyAssetNames', () => {
  test('default: each REST key and altname that differs from the v2 id', async () => {
    const ids = [...DEFAULT_ASSETS.map((asset) => asset.id), 'DOGE']
    const names = await legacyAssetNames(
      ids,
      restAssetLookup(restUrl(), 30_000),
    )
    expect(names.get('XBT')).toBe('BTC')
    expect(names.get('XXBT')).toBe('BTC')
    expect(names.get('XDG')).toBe('DOGE')
    expect(names.get('XXDG')).toBe('DOGE')
    expect(names.get('ZUSD')).toBe('USD')
    expect(names.get('XETH')).toBe('ETH')
    // A v2 id is never mapped to itself.
    expect(names.has('BTC')).toBe(false)
    expect(names.has('SOL')).toBe(false)
  })

  test('behavior: no v2 assets, no look-up', async () => {
    const names = await legacyAssetNames([], () =>
      Promise.reject(new Error('not called')),
    )
    expect(names.size).toBe(0)
  })
})

describe('restAssetLookup', () => {
  test('default: the entries of Assets', async () => {
    const lookup = restAssetLookup(restUrl(), 30_000)
    await expect(lookup('XBT')).resolves.toEqual([
      { id: 'XXBT', altname: 'XBT' },
    ])
  })

  test('behavior: without a name, every asset', async () => {
    const entries = await restAssetLookup(restUrl(), 30_000)()
    expect(entries).toHaveLength(DEFAULT_ASSETS.length + 1)
    expect(entries).toContainEqual({ id: 'XXDG', altname: 'XDG' })
    expect(entries).toContainEqual({ id: 'SOL', altname: 'SOL' })
  })

  test('error: Kraken’s error rejects with its text', async () => {
    const lookup = restAssetLookup(restUrl(), 30_000)
    await expect(lookup('NOPE')).rejects.toThrow(
      'Assets answered EQuery:Unknown asset.',
    )
  })

  test('error: a server that does not answer rejects', async () => {
    // Port 9 on loopback: nothing listens, the connection is refused.
    const lookup = restAssetLookup('http://127.0.0.1:9/', 30_000)
    await expect(lookup('XBT')).rejects.toThrow()
  })
})
