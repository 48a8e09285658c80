import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createTokenStore } from '../auth/tokenStore.js'
import { createPrivateSession } from './privateSession.js'
import { limitBuy, receivedSamples, setup, shapeOf } from './testing/harness.js'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-09-25T17:58:09.493Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

function session() {
  const harness = setup()
  const tokens = createTokenStore()
  const { token } = tokens.issue('alice')
  const sent: Record<string, unknown>[] = []
  const private_ = createPrivateSession({
    exchange: harness.exchange,
    tokens,
    send: (frame) => sent.push(frame),
  })
  return { ...harness, tokens, token, sent, session: private_ }
}

describe('createPrivateSession', () => {
  test('default', () => {
    const { session: s, token, sent } = session()
    expect(
      s.handle({
        method: 'subscribe',
        params: {
          channel: 'executions',
          token,
          snap_orders: true,
          snap_trades: true,
        },
        req_id: 1,
      }),
    ).toBe(true)
    expect(sent.map((f) => f.method ?? f.type)).toEqual([
      'subscribe',
      'snapshot',
    ])
    const ack = receivedSamples('subscribe:executions', (m) =>
      JSON.stringify(m).includes('snap_orders'),
    )[0]
    const { req_id: _r, ...ackWithoutReq } = shapeOf(sent[0])
    expect(ackWithoutReq).toEqual(shapeOf(ack))
    expect(
      s.handle({
        method: 'add_order',
        params: { ...limitBuy(26_000), token },
        req_id: 2,
      }),
    ).toBe(true)
    expect(
      sent
        .slice(2)
        .map(
          (f) => f.method ?? (f.data as { exec_type: string }[])[0]?.exec_type,
        ),
    ).toEqual(['pending_new', 'new', 'add_order'])
    expect(sent.slice(2).map((f) => f.sequence)).toEqual([2, 3, undefined])
    expect(s.handle({ method: 'ping', req_id: 3 })).toBe(false)
    expect(
      s.handle({
        method: 'subscribe',
        params: { channel: 'ticker', symbol: ['BTC/USD'] },
      }),
    ).toBe(false)
    s.close()
  })

  test('error: a bad token on subscribe has the live shape', () => {
    const { session: s, sent } = session()
    s.handle({
      method: 'subscribe',
      params: { channel: 'executions', token: 'nope' },
    })
    const live = receivedSamples(
      'subscribe:executions',
      (m) => m.error === 'ESession:Invalid session',
    )[0]
    expect(sent).toEqual([
      {
        channel: 'executions',
        error: 'ESession:Invalid session',
        method: 'subscribe',
        status: 'error',
        success: false,
        time_in: '2026-09-25T17:58:09.493000Z',
        time_out: '2026-09-25T17:58:09.493000Z',
      },
    ])
    expect(Object.keys(sent[0] ?? {})).toEqual(Object.keys(live ?? {}))
  })

  test('error: a bad token on a trading method', () => {
    const { session: s, sent, executions } = session()
    s.handle({
      method: 'edit_order',
      params: { order_id: 'x', symbol: 'BTC/USD' },
      req_id: 0,
    })
    const live = receivedSamples(
      'edit_order',
      (m) => m.error === 'Token(s) not found',
    )[0]
    expect(shapeOf(sent[0])).toEqual(shapeOf(live))
    expect(sent[0]?.error).toBe('Token(s) not found')
    expect(executions()).toEqual([])
  })

  test('behavior: a subscription keeps its token alive until unsubscribed', () => {
    const { session: s, sent, token, tokens } = session()
    s.handle({ method: 'subscribe', params: { channel: 'balances', token } })
    expect(sent.map((f) => f.method ?? f.type)).toEqual([
      'subscribe',
      'snapshot',
    ])
    vi.advanceTimersByTime(3_600_000)
    expect(tokens.ownerOf(token)).toBe('alice')
    s.handle({ method: 'subscribe', params: { channel: 'balances', token } })
    expect(sent.at(-1)?.error).toBe('Already subscribed')
    s.handle({ method: 'unsubscribe', params: { channel: 'balances', token } })
    expect(sent.at(-1)).toMatchObject({
      method: 'unsubscribe',
      result: { channel: 'balances' },
      success: true,
    })
    s.handle({ method: 'unsubscribe', params: { channel: 'balances', token } })
    expect(sent.at(-1)?.error).toBe('Subscription Not Found')
    vi.advanceTimersByTime(900_000)
    expect(tokens.validate(token)).toBe(false)
  })
})
