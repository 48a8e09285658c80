import { afterEach, describe, expect, test, vi } from 'vitest'
import { formatLogLine } from './formatLogLine.js'
import { createLogger, type LogSink } from './logger.js'
import type { LogLevel } from './logLevel.js'

const epoch = () => new Date(0)

function recorder() {
  const lines: [string, LogLevel, Readonly<Record<string, unknown>>][] = []
  const sink: LogSink = (message, level, context) => {
    lines.push([message, level, context])
  }
  return { lines, sink }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('createLogger', () => {
  test('default', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const logger = createLogger({ now: epoch })
    logger.log('Connected', 'info', { endpoint: 'public', req_id: 3 })
    logger.log('Stale socket', 'warning', { endpoint: 'private' })
    logger.log('Noise', 'debug')
    expect(log.mock.calls).toEqual([
      ['1970-01-01T00:00:00.000Z INFO Connected endpoint=public req_id=3'],
    ])
    expect(error.mock.calls).toEqual([
      ['1970-01-01T00:00:00.000Z WARNING Stale socket endpoint=private'],
    ])
  })

  test('behavior: threshold, silence and level defaults', () => {
    const { lines, sink } = recorder()
    const logger = createLogger({ level: 'warning', sink })
    logger.log('a', 'info')
    logger.log('b', 'error')
    logger.log('c')
    expect(lines.map(([message, level]) => `${level}:${message}`)).toEqual([
      'error:b',
    ])
    expect(logger.isEnabled('critical')).toBe(true)
    expect(logger.isEnabled('info')).toBe(false)
    logger.setLevel(false)
    logger.log('d', 'critical')
    expect(lines).toHaveLength(1)
    logger.setLevel('debug')
    logger.log('e', 'debug')
    expect(lines.at(-1)?.[0]).toBe('e')
  })

  test('behavior: setSink replaces the sink and undefined restores the console', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const { lines, sink } = recorder()
    const logger = createLogger({ now: epoch })
    logger.setSink(sink)
    logger.log('to user', 'info', { symbol: 'BTC/USD' })
    expect(lines).toEqual([['to user', 'info', { symbol: 'BTC/USD' }]])
    expect(log).not.toHaveBeenCalled()
    logger.setSink(undefined)
    logger.log('to console', 'info')
    expect(log).toHaveBeenCalledOnce()
  })

  test('behavior: secret keys are redacted, nested too', () => {
    const { lines, sink } = recorder()
    const logger = createLogger({ sink })
    logger.log('Sending', 'info', {
      token: 'abc',
      apiKey: 'k',
      private_key: 'p',
      request: {
        method: 'subscribe',
        params: { channel: 'executions', token: 'abc' },
      },
      list: [{ secret: 's' }],
    })
    expect(lines[0]?.[2]).toEqual({
      token: '[redacted]',
      apiKey: '[redacted]',
      private_key: '[redacted]',
      request: {
        method: 'subscribe',
        params: { channel: 'executions', token: '[redacted]' },
      },
      list: [{ secret: '[redacted]' }],
    })
  })

  test('behavior: registered secrets are masked inside text', () => {
    const { lines, sink } = recorder()
    const logger = createLogger({ sink })
    const token = 'WW91ciBhdXRoZW50aWNhdGlvbiB0b2tlbiBnb2VzIGhlcmUu'
    logger.addSecret(token)
    logger.addSecret('short')
    logger.log(`Frame {"token":"${token}"}`, 'info', {
      raw: `{"params":{"token":"${token}"}}`,
      error: new Error(`bad ${token}`),
      note: 'short stays',
    })
    const [message, , context] = lines[0] ?? []
    expect(message).toBe('Frame {"token":"[redacted]"}')
    expect(context).toEqual({
      raw: '{"params":{"token":"[redacted]"}}',
      error: 'Error: bad [redacted]',
      note: 'short stays',
    })
    expect(JSON.stringify(lines)).not.toContain(token)
  })

  test('error: a throwing user sink falls back to the console', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const logger = createLogger({ now: epoch })
    logger.setSink(() => {
      throw new Error('sink down')
    })
    expect(() => logger.log('kept', 'info')).not.toThrow()
    expect(log.mock.calls).toEqual([['1970-01-01T00:00:00.000Z INFO kept']])
    expect(error.mock.calls[0]?.[0]).toContain(
      'The user logger threw. error="Error: sink down"',
    )
  })

  test('error: log never throws on odd input', () => {
    const { lines, sink } = recorder()
    const logger = createLogger({ sink })
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const hostile = {
      get boom(): never {
        throw new Error('getter')
      },
    }
    expect(() => logger.log('odd', 'nope' as LogLevel, circular)).not.toThrow()
    expect(() => logger.log('hostile', 'info', hostile)).not.toThrow()
    expect(lines[0]?.[1]).toBe('info')
    expect(() => createLogger({ level: 'loud' as LogLevel })).toThrow(TypeError)
  })
})

describe('formatLogLine', () => {
  test('default', () => {
    expect(
      formatLogLine(new Date(0), 'critical', 'Down', {
        endpoint: 'level3',
        reason: 'socket closed',
        missing: undefined,
        id: 12n,
        params: { depth: 10 },
        empty: '',
      }),
    ).toBe(
      '1970-01-01T00:00:00.000Z CRITICAL Down endpoint=level3 reason="socket closed" id=12n params={"depth":10} empty=""',
    )
  })

  test('behavior: unserializable values do not throw', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(formatLogLine(new Date(0), 'info', 'x', { circular })).toBe(
      '1970-01-01T00:00:00.000Z INFO x circular=[unserializable]',
    )
  })
})
