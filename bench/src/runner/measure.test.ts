import { expect, test } from 'vitest'
import { decodeBenches } from '../benches/decode.js'
import { loadCorpus } from './corpus.js'
import { measure } from './measure.js'
import { summarize } from './stats.js'

test('behavior: measures a bench on 100 frames', () => {
  const [bench] = decodeBenches
  if (bench === undefined) throw new Error('no decode bench')
  const frames = loadCorpus(bench.corpus).slice(0, 100)
  expect(frames).toHaveLength(100)
  const sample = measure(bench, frames, { rounds: 1, minRoundMs: 1 })
  expect(sample.nsPerFrame).toBeGreaterThan(0)
  expect(sample.baselineNsPerFrame).toBeGreaterThan(0)
  expect(sample.ratio).toBeCloseTo(
    sample.baselineNsPerFrame / sample.nsPerFrame,
  )
  expect(sample.bytesPerFrame).toBeGreaterThan(0)
})

test('default: summarize gives median and range', () => {
  expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 })
  expect(summarize([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 })
})
