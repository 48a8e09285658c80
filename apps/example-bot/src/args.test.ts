import { describe, expect, test } from 'vitest'
import { ArgsError, parseBotArgs } from './args.js'

describe('parseBotArgs', () => {
  test('default', () => {
    expect(parseBotArgs([])).toEqual({
      live: false,
      duration: undefined,
      symbols: ['BTC/USD', 'ETH/USD', 'SOL/USD'],
      focus: 'BTC/USD',
      trade: true,
      help: false,
    })
  })

  test('behavior: every option', () => {
    expect(
      parseBotArgs([
        '--live',
        '--duration',
        '2.5',
        '--symbols',
        'ETH/USD, XRP/USD',
        '--focus',
        'ETH/BTC',
        '--no-trade',
      ]),
    ).toEqual({
      live: true,
      duration: 2.5,
      symbols: ['ETH/USD', 'XRP/USD', 'ETH/BTC'],
      focus: 'ETH/BTC',
      trade: false,
      help: false,
    })
    expect(parseBotArgs(['-h']).help).toBe(true)
  })

  test('behavior: the `--` that `pnpm bot -- ...` forwards is ignored', () => {
    expect(parseBotArgs(['--', '--duration', '5']).duration).toBe(5)
  })

  test('behavior: KRAKEN_WS_PUBLIC_URL means live', () => {
    expect(
      parseBotArgs([], { KRAKEN_WS_PUBLIC_URL: 'wss://example.test/v2' }).live,
    ).toBe(true)
    expect(parseBotArgs([], { KRAKEN_WS_PUBLIC_URL: '' }).live).toBe(false)
  })

  test('error: unknown options, positionals and bad values', () => {
    expect(() => parseBotArgs(['--nope'])).toThrow(ArgsError)
    expect(() => parseBotArgs(['extra'])).toThrow(ArgsError)
    for (const duration of ['0', '-1', 'soon', '']) {
      // `--duration=` keeps parseArgs from reading `-1` as an option.
      expect(() => parseBotArgs([`--duration=${duration}`])).toThrow(
        /--duration takes a positive number of seconds/,
      )
    }
    expect(() => parseBotArgs(['--symbols', 'BTCUSD'])).toThrow(
      'Not a symbol: "BTCUSD" (expected e.g. BTC/USD).',
    )
    expect(() => parseBotArgs(['--symbols', ','])).toThrow(ArgsError)
  })
})

describe('parseBotArgs: --paper and --replay', () => {
  test('behavior: --paper mirrors Kraken, or the upstream given by flag or env', () => {
    expect(parseBotArgs(['--paper'])).toMatchObject({
      live: false,
      paper: true,
      paperUpstream: undefined,
    })
    expect(
      parseBotArgs(['--paper', '--paper-upstream', 'ws://127.0.0.1:9/v2'])
        .paperUpstream,
    ).toBe('ws://127.0.0.1:9/v2')
    expect(
      parseBotArgs(['--paper'], {
        KRAKEN_PAPER_UPSTREAM_URL: 'ws://127.0.0.1:8/v2',
      }).paperUpstream,
    ).toBe('ws://127.0.0.1:8/v2')
  })

  test('behavior: --replay takes a tape and a pace', () => {
    expect(parseBotArgs(['--replay', 'bug.tape'])).toMatchObject({
      live: false,
      replay: 'bug.tape',
      replaySpeed: 1,
    })
    expect(
      parseBotArgs(['--replay', 'bug.tape', '--replay-speed', 'max'])
        .replaySpeed,
    ).toBe('max')
    expect(
      parseBotArgs(['--replay', 'bug.tape', '--replay-speed', '10'])
        .replaySpeed,
    ).toBe(10)
  })

  test('error: conflicting or malformed modes are ArgsErrors', () => {
    for (const argv of [
      ['--paper', '--live'],
      ['--paper', '--replay', 'x.tape'],
      ['--replay', ''],
      ['--replay', 'x.tape', '--replay-speed', '0'],
      ['--replay-speed', '2'],
      ['--paper-upstream', 'ws://127.0.0.1:9/v2'],
      ['--paper', '--paper-upstream', 'http://example.test'],
    ])
      expect(() => parseBotArgs(argv), argv.join(' ')).toThrow(ArgsError)
  })
})
