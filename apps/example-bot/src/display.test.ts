import { afterEach, expect, test, vi } from 'vitest'
import { startDisplay } from './display.js'
import { MarketState } from './marketState.js'

const NOW = Date.parse('2026-01-02T03:04:05Z')

afterEach(() => {
  vi.useRealTimers()
})

function sink(isTTY: boolean) {
  const writes: string[] = []
  return {
    writes,
    output: { isTTY, write: (text: string) => writes.push(text) },
  }
}

test('default: without a terminal, one summary line per period', () => {
  vi.useFakeTimers()
  const { writes, output } = sink(false)
  const display = startDisplay(new MarketState('sim', 'BTC/USD'), {
    output,
    now: () => NOW,
  })
  expect(writes).toHaveLength(1)
  vi.advanceTimersByTime(2_999)
  expect(writes).toHaveLength(3)
  display.stop()
  display.stop()
  vi.advanceTimersByTime(10_000)
  expect(writes).toHaveLength(4)
  for (const line of writes) {
    expect(line).toMatch(
      /^03:04:05 tickers waiting \| trades 0 \| book BTC\/USD waiting.*\n$/,
    )
    expect(line).not.toContain('\x1b')
  }
})

test('behavior: on a terminal, the screen is redrawn and the cursor restored', () => {
  vi.useFakeTimers()
  const { writes, output } = sink(true)
  const display = startDisplay(new MarketState('sim', 'BTC/USD'), {
    output,
    now: () => NOW,
    redrawInterval: 100,
  })
  vi.advanceTimersByTime(250)
  display.stop()
  expect(writes[0]).toBe('\x1b[?25l')
  const frames = writes.slice(1, -1)
  expect(frames).toHaveLength(4)
  for (const frame of frames) {
    expect(
      frame.startsWith('\x1b[H\x1b[2Jkraken-sockets example bot · sim'),
    ).toBe(true)
  }
  expect(writes.at(-1)).toBe('\x1b[?25h')
  vi.advanceTimersByTime(1_000)
  expect(writes).toHaveLength(6)
})
