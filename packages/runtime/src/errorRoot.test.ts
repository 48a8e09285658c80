import { BookError, BookOptionsError } from '@kraken-sockets/book'
import {
  isKrakenSocketsError,
  RequestValidationError,
  SchemaError,
  KrakenSocketsError as SchemaRoot,
} from '@kraken-sockets/schema'
import {
  TransportError,
  ListenerError as TransportListenerError,
  TransportNotOpenError,
} from '@kraken-sockets/transport'
import { describe, expect, test } from 'vitest'
import { KrakenSocketsError, NotSentError, TaskError } from './index.js'

const everyPackage = {
  schema: new SchemaError('schema'),
  book: new BookOptionsError({ option: 'depth', details: 'not offered' }),
  transport: new TransportNotOpenError({ endpoint: 'public', status: 'idle' }),
  transportListener: new TransportListenerError({ event: 'open', cause: 1 }),
  runtime: new TaskError({ task: 'poll', reason: 'failed', cause: 1 }),
  trading: new NotSentError({
    method: 'add_order',
    code: 'refused',
    reason: 'no',
  }),
}

describe('one error root', () => {
  test("the runtime's KrakenSocketsError is schema's", () => {
    expect(KrakenSocketsError).toBe(SchemaRoot)
  })

  for (const [name, error] of Object.entries(everyPackage)) {
    test(`${name}: guard and instanceof agree`, () => {
      expect(isKrakenSocketsError(error)).toBe(true)
      expect(error instanceof KrakenSocketsError).toBe(true)
      expect(error.shortMessage.length).toBeGreaterThan(0)
    })
  }

  test('subclass checks stay prototype checks', () => {
    expect(everyPackage.transport instanceof SchemaError).toBe(false)
    expect(everyPackage.schema instanceof TransportError).toBe(false)
    expect(everyPackage.book instanceof BookError).toBe(true)
    expect(new SchemaError('x') instanceof RequestValidationError).toBe(false)
  })

  test('other values are not ours', () => {
    for (const value of [new Error('x'), null, undefined, 'error', {}, 1]) {
      expect(isKrakenSocketsError(value)).toBe(false)
      expect(value instanceof KrakenSocketsError).toBe(false)
    }
  })

  test('the brand is not an own property (snapshots and equality unchanged)', () => {
    const error = new SchemaError('x')
    expect(Object.getOwnPropertySymbols(error)).toEqual([])
    expect(Object.getOwnPropertySymbols(everyPackage.transport)).toEqual([])
  })
})
