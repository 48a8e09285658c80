import { expect, test } from 'vitest'
import { DEFAULT_FATAL_ERRORS, findFatalError } from './fatal.js'

test('default', () => {
  expect(
    findFatalError(
      '{"error":"EGeneral:Permission denied","method":"add_order","req_id":0,"success":false}',
      DEFAULT_FATAL_ERRORS,
    ),
  ).toBe('EGeneral:Permission denied')
})

test('behavior: ordinary frames and echoed text are not fatal', () => {
  expect(
    findFatalError('{"channel":"heartbeat"}', DEFAULT_FATAL_ERRORS),
  ).toBeUndefined()
  expect(
    findFatalError(
      '{"error":"ESession:Invalid session","method":"subscribe","success":false}',
      DEFAULT_FATAL_ERRORS,
    ),
  ).toBeUndefined()
  expect(
    findFatalError(
      '{"data":[{"text":"EAPI:Invalid key"}]}',
      DEFAULT_FATAL_ERRORS,
    ),
  ).toBeUndefined()
  expect(
    findFatalError('EAPI:Invalid key', DEFAULT_FATAL_ERRORS),
  ).toBeUndefined()
})

test('behavior: REST-style error arrays count too', () => {
  expect(
    findFatalError('{"error":["EAPI:Invalid key"]}', DEFAULT_FATAL_ERRORS),
  ).toBe('EAPI:Invalid key')
})
