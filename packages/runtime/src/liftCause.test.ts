import { TransportError } from '@kraken-sockets/transport'
import { expect, test } from 'vitest'
import { describeCause, liftCause } from './errors.js'

test('default: an error is lifted with its first sentence and its specifics', () => {
  const cause = new TransportError('Kraken said no.', { details: 'Do this.' })
  expect(liftCause(cause)).toBe('Kraken said no. Do this.')
  expect(liftCause(new Error('Plain.'))).toBe('Plain.')
})

test('edge: other values become text, even ones that cannot be printed', () => {
  expect(liftCause('text')).toBe('text')
  expect(describeCause(new TypeError('bad'))).toBe('TypeError: bad')
  expect(describeCause(Object.create(null))).toBe('unprintable value')
})
