import { describe, expect, test } from 'vitest'
import { GatewayConfigError } from '../errors.js'
import { parseCliArgs, readSubscribeFile } from './args.js'

describe('parseCliArgs', () => {
  test('default', () => {
    expect(parseCliArgs([])).toMatchObject({
      servers: ['nats://127.0.0.1:4222'],
      subscribe: [],
      retention: { storage: 'file' },
    })
  })

  test('behavior: --subscribe repeats and --subscribe-file adds frames', () => {
    const frame =
      '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]}}'
    const options = parseCliArgs(
      [
        '--nats',
        'nats://127.0.0.1:1',
        '--subscribe',
        frame,
        '--subscribe-file',
        'f',
      ],
      () => `# tickers\n${frame}\n`,
    )
    expect(options).toMatchObject({
      servers: ['nats://127.0.0.1:1'],
      subscribe: [frame, frame],
    })
  })

  test('behavior: --leases and --lease-ttl turn leases on', () => {
    expect(parseCliArgs([])).toMatchObject({ leases: false })
    expect(parseCliArgs(['--leases'])).toMatchObject({ leases: {} })
    expect(parseCliArgs(['--lease-ttl', '1500'])).toMatchObject({
      leases: { ttl: 1500 },
    })
    expect(() => parseCliArgs(['--lease-ttl', 'soon'])).toThrow(
      GatewayConfigError,
    )
  })

  test('behavior: --replicas sets the stream and lease bucket replicas', () => {
    expect(parseCliArgs(['--leases', '--replicas', '3'])).toMatchObject({
      leases: { replicas: 3 },
      retention: { replicas: 3 },
    })
    expect(() => parseCliArgs(['--replicas', '0'])).toThrow(GatewayConfigError)
  })

  test('behavior: --account names the key on the private subjects', () => {
    expect(parseCliArgs(['--account', 'desk-1'])).toMatchObject({
      account: 'desk-1',
    })
  })

  test('behavior: a subscribe file may be a JSON array', () => {
    expect(readSubscribeFile('[{"method":"subscribe"}]')).toEqual([
      '{"method":"subscribe"}',
    ])
  })

  test('error: unknown options and bad storage are config errors', () => {
    expect(() => parseCliArgs(['--bogus'])).toThrow(GatewayConfigError)
    expect(() => parseCliArgs(['--storage', 'tape'])).toThrow(
      GatewayConfigError,
    )
  })
})
