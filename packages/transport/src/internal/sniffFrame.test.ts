import { expect, test } from 'vitest'
import { sniffFrame } from './sniffFrame.js'

test('default: an object frame is returned with its top-level fields', () => {
  expect(sniffFrame('{"method":"pong","req_id":7}')).toEqual({
    method: 'pong',
    req_id: 7,
  })
})

test('error: text that is not a JSON object gives undefined', () => {
  for (const text of ['', '{', 'null', '7', '"pong"', '[{"method":"pong"}]'])
    expect(sniffFrame(text)).toBeUndefined()
})
