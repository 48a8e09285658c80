import { expect, test, vi } from 'vitest'
import { ListenerError, TransportError } from '../errors.js'
import { createEventEmitter } from './eventEmitter.js'

interface Events {
  error: TransportError
  gap: { dropped: number }
  status: string
}

function setup() {
  const unreported: [unknown, string][] = []
  const events = createEventEmitter<Events>({
    unreported: (error, event) => unreported.push([error, event]),
  })
  return { events, unreported }
}

test('default', () => {
  const { events } = setup()
  const seen: number[] = []
  const off = events.on('gap', (gap) => seen.push(gap.dropped))
  events.emit('gap', { dropped: 3 })
  off()
  off()
  events.emit('gap', { dropped: 4 })
  expect(seen).toEqual([3])
  expect(events.listenerCount('gap')).toBe(0)
})

test('behavior: listeners run in order; removal during emit is safe', () => {
  const { events } = setup()
  const calls: string[] = []
  let offSecond = () => {}
  events.on('status', (status) => {
    calls.push(`first ${status}`)
    offSecond()
  })
  offSecond = events.on('status', (status) => calls.push(`second ${status}`))
  events.on('status', (status) => calls.push(`third ${status}`))
  events.emit('status', 'a')
  events.emit('status', 'b')
  expect(calls).toEqual(['first a', 'third a', 'first b', 'third b'])
})

test('behavior: an error with no listener goes to unreported', () => {
  const { events, unreported } = setup()
  const error = new TransportError('Lost.')
  expect(() => events.emit('error', error)).not.toThrow()
  expect(unreported).toEqual([[error, 'error']])
})

test('error: a throwing listener is isolated and reported on error', () => {
  const { events } = setup()
  const errors: TransportError[] = []
  const seen: string[] = []
  events.on('error', (error) => errors.push(error))
  events.on('status', () => {
    throw new Error('listener broke')
  })
  events.on('status', (status) => seen.push(status))
  events.emit('status', 'open')
  expect(seen).toEqual(['open'])
  expect(errors).toHaveLength(1)
  expect(errors[0]).toBeInstanceOf(ListenerError)
  expect(errors[0]).toMatchObject({
    event: 'status',
    cause: new Error('listener broke'),
  })
})

test('error: a rejecting listener is reported, never unhandled', async () => {
  const { events } = setup()
  const reported = vi.fn()
  events.on('error', reported)
  events.on('gap', async () => {
    throw new Error('async broke')
  })
  events.emit('gap', { dropped: 1 })
  // The rejection is seen one microtask later.
  await Promise.resolve()
  await Promise.resolve()
  expect(reported).toHaveBeenCalledOnce()
  expect(reported.mock.calls[0]?.[0]).toMatchObject({ event: 'gap' })
})

test('error: a failing error listener goes to unreported, without recursion', () => {
  const { events, unreported } = setup()
  const later = vi.fn()
  events.on('error', () => {
    throw new Error('error listener broke')
  })
  events.on('error', later)
  const error = new TransportError('First.')
  events.emit('error', error)
  expect(later).toHaveBeenCalledWith(error)
  expect(unreported).toHaveLength(1)
  expect(unreported[0]?.[0]).toMatchObject({
    name: 'ListenerError',
    event: 'error',
  })
})

test('error: a throwing unreported hook is swallowed', () => {
  const events = createEventEmitter<Events>({
    unreported() {
      throw new Error('hook')
    },
  })
  expect(() => events.emit('error', new TransportError('x'))).not.toThrow()
  expect(() => events.on('gap', 1 as unknown as () => void)).toThrow(TypeError)
})
