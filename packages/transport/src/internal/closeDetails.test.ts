import { expect, test } from 'vitest'
import { closeDetails } from './closeDetails.js'

test('default', () => {
  expect(closeDetails({ code: 1006, reason: '' }, undefined)).toBe(
    'closed with code 1006',
  )
})

test('behavior: the error message is kept after the close code', () => {
  expect(
    closeDetails(
      { code: 1006, reason: '' },
      { error: new Error('connect ECONNREFUSED 127.0.0.1:1') },
    ),
  ).toBe('closed with code 1006 after: connect ECONNREFUSED 127.0.0.1:1')
})

test('behavior: a frame over the local limit is named, by code or message', () => {
  const byCode = Object.assign(new RangeError('boom'), {
    code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
  })
  expect(closeDetails({ code: 1006, reason: '' }, { error: byCode })).toMatch(
    /^a received frame was larger than the socket's size limit \(boom\)/,
  )
  // A browser-style event: only a message.
  expect(
    closeDetails(
      { code: 1006, reason: '' },
      { message: 'Max payload size exceeded' },
    ),
  ).toMatch(/size limit/)
})

test('behavior: a 1009 close after an error names the peer refusing our frame', () => {
  expect(
    closeDetails({ code: 1009, reason: 'Message too big' }, { type: 'error' }),
  ).toBe(
    'the server refused a frame as larger than its size limit; closed with code 1009 (Message too big)',
  )
})
