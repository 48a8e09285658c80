import { describe, expect, test } from 'vitest'
import { createPrivateSequence } from './privateSequence.js'

const update = (sequence: number) => ({ type: 'update' as const, sequence })

describe('createPrivateSequence', () => {
  test('default', () => {
    const sequence = createPrivateSequence()
    expect(
      sequence.check('executions', { type: 'snapshot', sequence: 1 }),
    ).toEqual({ ok: true })
    expect(
      sequence.check('balances', { type: 'snapshot', sequence: 2 }),
    ).toEqual({
      ok: true,
    })
    expect(sequence.check('executions', update(3))).toEqual({ ok: true })
    expect(sequence.check('balances', update(4))).toEqual({ ok: true })
  })

  test('behavior: per-channel counting is not a gap either', () => {
    const sequence = createPrivateSequence()
    sequence.check('executions', { type: 'snapshot', sequence: 1 })
    sequence.check('balances', { type: 'snapshot', sequence: 1 })
    expect(sequence.check('executions', update(2))).toEqual({ ok: true })
    expect(sequence.check('balances', update(2))).toEqual({ ok: true })
  })

  test('error: a lost frame of the shared counter is a gap', () => {
    const sequence = createPrivateSequence()
    sequence.check('executions', { type: 'snapshot', sequence: 1 })
    sequence.check('balances', update(2))
    // 3 (a balances frame) was lost.
    expect(sequence.check('executions', update(4))).toEqual({
      ok: false,
      kind: 'gap',
      expected: 3,
      received: 4,
      missed: 1,
    })
  })

  test('behavior: reset() starts afresh (a new connection counts from 1)', () => {
    const sequence = createPrivateSequence()
    sequence.check('executions', update(40))
    sequence.reset()
    expect(sequence.check('executions', update(1))).toEqual({ ok: true })
  })
})
