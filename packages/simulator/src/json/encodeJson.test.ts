import { expect, test } from 'vitest'
import { encodeJson, raw } from './encodeJson.js'

test('default', () => {
  expect(
    encodeJson({ a: 1, b: 'x', c: [true, null], d: undefined, e: raw('0.10') }),
  ).toBe('{"a":1,"b":"x","c":[true,null],"e":0.10}')
})

test('behavior: big integers stay exact', () => {
  const text = encodeJson({ connection_id: raw('13834774380200032777') })
  expect(text).toBe('{"connection_id":13834774380200032777}')
})

test('behavior: sorted keys, recursively', () => {
  expect(encodeJson({ z: 1, a: { y: 2, b: 3 } }, true)).toBe(
    '{"a":{"b":3,"y":2},"z":1}',
  )
})

test('error: non-finite numbers', () => {
  expect(() => encodeJson({ x: Number.NaN })).toThrow(RangeError)
})
