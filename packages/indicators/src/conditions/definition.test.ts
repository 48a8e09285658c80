import { describe, expect, test } from 'vitest'
import { ConditionDefinitionError } from '../errors.js'
import { parseCondition } from './definition.js'

describe('parseCondition', () => {
  test('default: fills in defaults and survives a JSON round trip', () => {
    const json = JSON.stringify({ id: 'a', on: 'rsi14', op: 'lt', value: 30 })
    const parsed = parseCondition(JSON.parse(json))
    expect(parsed).toEqual({
      id: 'a',
      on: 'rsi14',
      op: 'lt',
      value: 30,
      mode: 'rearm',
      cooldown: 0,
      hysteresis: 0,
    })
    expect(parseCondition(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed)
  })

  test('behavior: a ref operand and a range', () => {
    expect(
      parseCondition({
        id: 'x',
        on: 'ema12',
        op: 'crosses_above',
        value: { ref: 'ema26' },
      }).op,
    ).toBe('crosses_above')
    expect(
      parseCondition({
        id: 'y',
        on: 'z',
        op: 'between',
        range: [-1, 1],
        mode: 'once',
      }).mode,
    ).toBe('once')
  })

  test('error: every problem, with its path, in a typed error', () => {
    let error: unknown
    try {
      parseCondition({
        id: 'bad',
        on: 'rsi14',
        op: 'lt',
        value: 'thirty',
        cooldown: -5,
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConditionDefinitionError)
    const e = error as ConditionDefinitionError
    expect(e.conditionId).toBe('bad')
    expect(e.issues.map((i) => i.path).sort()).toEqual(['cooldown', 'value'])
    expect(e.shortMessage).toBe('Invalid condition "bad".')
  })

  test('error: an unknown op, a typo in a key, an inverted range', () => {
    expect(() =>
      parseCondition({ id: 'a', on: 'b', op: 'below', value: 1 }),
    ).toThrow(ConditionDefinitionError)
    expect(() =>
      parseCondition({ id: 'a', on: 'b', op: 'gt', value: 1, cooldwon: 5 }),
    ).toThrow(/cooldwon/)
    expect(() =>
      parseCondition({ id: 'a', on: 'b', op: 'between', range: [2, 1] }),
    ).toThrow(/low <= high/)
    expect(() =>
      parseCondition({ id: 'a', on: 'b', op: 'gt', value: Number.NaN }),
    ).toThrow(ConditionDefinitionError)
    expect(() => parseCondition('lt 30')).toThrow(ConditionDefinitionError)
  })
})
