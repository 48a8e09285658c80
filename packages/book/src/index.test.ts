import { expect, test } from 'vitest'
import * as exports from './index.js'

test('default', () => {
  expect(Object.keys(exports)).toMatchInlineSnapshot(`
    [
      "crc32",
      "crc32Portable",
      "hasNativeCrc32",
      "BOOK_DEPTHS",
      "createBook",
      "BookError",
      "BookOptionsError",
      "createL3Book",
      "L3_DEPTHS",
    ]
  `)
})
