import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { TaskError } from '../errors.js'
import { createTaskGroup } from './taskGroup.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const errors: TaskError[] = []
  const tasks = createTaskGroup({ onError: (error) => errors.push(error) })
  return { tasks, errors }
}

/** Resolves when `signal` aborts, the way a well-behaved task waits. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true })
  })
}

test('default', async () => {
  const { tasks, errors } = setup()
  const log: string[] = []
  tasks.add(async function ticker(signal) {
    log.push('started')
    await aborted(signal)
    log.push(`aborted ${signal.reason.name}`)
  })
  expect(tasks.waiting).toBe(1)
  expect(log).toEqual([])
  tasks.start()
  expect(log).toEqual(['started'])
  expect(tasks.running).toBe(1)
  await expect(tasks.stop(1_000)).resolves.toBe(true)
  expect(log).toEqual(['started', 'aborted AbortError'])
  expect(tasks.running).toBe(0)
  expect(errors).toEqual([])
})

test('behavior: a task added while started runs at once; start is idempotent', async () => {
  const { tasks } = setup()
  const runs: string[] = []
  tasks.start()
  tasks.start()
  tasks.add(() => {
    runs.push('sync task')
  })
  expect(runs).toEqual(['sync task'])
  await expect(tasks.stop(10)).resolves.toBe(true)
  await expect(tasks.stop(10)).resolves.toBe(true)
})

test('behavior: a task that rejects with the abort reason is a normal stop', async () => {
  const { tasks, errors } = setup()
  tasks.add(async (signal) => {
    await aborted(signal)
    signal.throwIfAborted()
  })
  tasks.start()
  await tasks.stop(1_000)
  expect(errors).toEqual([])
})

test('error: a failing task is reported, not fatal', async () => {
  const { tasks, errors } = setup()
  const survivor = vi.fn()
  tasks.add(async function broken() {
    throw new Error('task broke')
  })
  tasks.add(() => {
    throw new Error('sync broke')
  })
  tasks.add(async (signal) => {
    await aborted(signal)
    survivor()
  })
  tasks.start()
  await vi.advanceTimersByTimeAsync(0)
  const reported = errors
    .map((error) => [error.task, error.reason, error.cause])
    .sort()
  expect(reported).toEqual([
    ['anonymous', 'failed', new Error('sync broke')],
    ['broken', 'failed', new Error('task broke')],
  ])
  expect(errors.map((error) => error.message).sort()[1]).toContain(
    'User task "broken" failed.',
  )
  expect(tasks.running).toBe(1)
  await tasks.stop(1_000)
  expect(survivor).toHaveBeenCalledOnce()
})

test('error: a task that ignores the signal is reported after the bound', async () => {
  const { tasks, errors } = setup()
  let finish = () => {}
  tasks.add(function stubborn() {
    return new Promise<void>((resolve) => {
      finish = resolve
    })
  })
  tasks.start()
  const stopping = tasks.stop(5_000)
  await vi.advanceTimersByTimeAsync(4_999)
  expect(errors).toEqual([])
  await vi.advanceTimersByTimeAsync(1)
  await expect(stopping).resolves.toBe(false)
  expect(errors.map((error) => [error.task, error.reason])).toEqual([
    ['stubborn', 'stop-timeout'],
  ])
  finish()
  await vi.advanceTimersByTimeAsync(0)
  expect(tasks.running).toBe(0)
})

test('behavior: the group can start again with a fresh signal', async () => {
  const { tasks } = setup()
  const signals: AbortSignal[] = []
  tasks.start()
  tasks.add((signal) => {
    signals.push(signal)
  })
  await tasks.stop(10)
  tasks.add((signal) => {
    signals.push(signal)
  })
  expect(signals).toHaveLength(1)
  tasks.start()
  expect(signals.map((signal) => signal.aborted)).toEqual([true, false])
  await tasks.stop(10)
})

test('error: a non-function task', () => {
  const { tasks } = setup()
  expect(() => tasks.add('nope' as unknown as () => void)).toThrow(TypeError)
})
