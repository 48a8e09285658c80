import { expect, test } from 'vitest'
import { ListenerError } from '../errors.js'
import { createEmitter } from './emitter.js'

test('default', () => {
  const emitter = createEmitter()
  const got: string[] = []
  const off = emitter.on('message', (text) => got.push(text))
  emitter.emit('message', 'a')
  off()
  emitter.emit('message', 'b')
  expect(got).toEqual(['a'])
})

test('behavior: a throwing listener is isolated and reported', () => {
  const emitter = createEmitter()
  const got: string[] = []
  const errors: unknown[] = []
  emitter.on('message', () => {
    throw new Error('boom')
  })
  emitter.on('message', (text) => got.push(text))
  emitter.on('error', (error) => errors.push(error))
  emitter.on('error', () => {
    throw new Error('error listeners may not loop')
  })
  emitter.emit('message', 'frame')
  expect(got).toEqual(['frame'])
  expect(errors).toHaveLength(1)
  expect(errors[0]).toBeInstanceOf(ListenerError)
  expect((errors[0] as ListenerError).event).toBe('message')
})
