import { EventEmitter } from 'node:events'
import { afterEach, expect, test, vi } from 'vitest'
import { startDisplay, TERMINAL } from './display.js'
import { MarketState } from './marketState.js'

const NOW = Date.parse('2026-01-02T03:04:05Z')

afterEach(() => {
  vi.useRealTimers()
})

/** A fake terminal: what was written, its size, and its `resize` event. */
function sink(isTTY: boolean, size = { columns: 80, rows: 24 }) {
  const writes: string[] = []
  const events = new EventEmitter()
  const output = {
    isTTY,
    columns: size.columns,
    rows: size.rows,
    write: (text: string) => writes.push(text),
    on: (event: 'resize', listener: () => void) => events.on(event, listener),
    off: (event: 'resize', listener: () => void) => events.off(event, listener),
  }
  return { writes, output, events }
}

/** The lines of one drawn frame, control sequences removed. */
function frameLines(frame: string): string[] {
  expect(frame.startsWith(TERMINAL.home)).toBe(true)
  expect(frame.endsWith(TERMINAL.clearBelow)).toBe(true)
  return frame
    .slice(TERMINAL.home.length, -TERMINAL.clearBelow.length)
    .split('\n')
    .map((line) => {
      expect(line.endsWith(TERMINAL.clearToLineEnd)).toBe(true)
      return line.slice(0, -TERMINAL.clearToLineEnd.length)
    })
}

/** A state with more trades and activity than a small terminal can show. */
function busyState(): MarketState {
  const state = new MarketState('sim', 'BTC/USD')
  for (let i = 0; i < 40; i++) state.note(`event number ${i}`)
  return state
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

test('behavior: on a terminal, the alternate screen is redrawn, then left with the cursor shown', () => {
  vi.useFakeTimers()
  const { writes, output } = sink(true)
  const display = startDisplay(new MarketState('sim', 'BTC/USD'), {
    output,
    now: () => NOW,
    redrawInterval: 100,
  })
  vi.advanceTimersByTime(250)
  display.stop()
  expect(writes[0]).toBe(
    `${TERMINAL.enterAlternateScreen}${TERMINAL.hideCursor}`,
  )
  const frames = writes.slice(1, -2)
  expect(frames).toHaveLength(3)
  for (const frame of frames)
    expect(frameLines(frame)[0]).toMatch(/^kraken-sockets example bot · sim/)
  expect(writes.at(-2)).toBe(
    `${TERMINAL.showCursor}${TERMINAL.leaveAlternateScreen}`,
  )
  // Back on the normal screen, the last state stays readable.
  expect(writes.at(-1)).toMatch(/^03:04:05 tickers waiting .*\n$/)
  vi.advanceTimersByTime(1_000)
  display.stop()
  expect(writes).toHaveLength(6)
})

test('behavior: every frame fits the terminal, 80x24 and smaller', () => {
  vi.useFakeTimers()
  const state = busyState()
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 40, rows: 10 },
    { columns: 20, rows: 3 },
  ]) {
    const { writes, output } = sink(true, size)
    const display = startDisplay(state, { output, now: () => NOW })
    const lines = frameLines(writes[1] ?? '')
    expect(lines.length).toBeLessThanOrEqual(size.rows)
    for (const line of lines)
      expect([...line].length).toBeLessThan(size.columns)
    expect(lines[0]).toMatch(/^kraken-sockets/)
    display.stop()
  }
  // The state is 20 lines tall: all of it on 80x24; on 80x14 the oldest
  // activity (of the 8 kept: events 32 to 39) gives way first.
  const tall = sink(true)
  startDisplay(state, { output: tall.output, now: () => NOW }).stop()
  const all = frameLines(tall.writes[1] ?? '')
  expect(all).toHaveLength(20)
  expect(all.filter((line) => /event number/.test(line))).toHaveLength(8)
  const short = sink(true, { columns: 80, rows: 14 })
  startDisplay(state, { output: short.output, now: () => NOW }).stop()
  const fitted = frameLines(short.writes[1] ?? '')
  expect(fitted).toHaveLength(14)
  expect(
    fitted.filter((line) => /event number/.test(line)).map((l) => l.slice(-2)),
  ).toEqual(['37', '38', '39'])
  expect(fitted.slice(0, 3).map((line) => line.slice(0, 6))).toEqual([
    'kraken',
    'TICKER',
    '(waiti',
  ])
})

test('behavior: a resize redraws at once, at the new size', () => {
  vi.useFakeTimers()
  const { writes, output, events } = sink(true, { columns: 80, rows: 24 })
  const display = startDisplay(busyState(), { output, now: () => NOW })
  expect(frameLines(writes[1] ?? '')).toHaveLength(20)
  output.rows = 12
  events.emit('resize')
  expect(writes).toHaveLength(3)
  expect(frameLines(writes[2] ?? '')).toHaveLength(12)
  display.stop()
  expect(events.listenerCount('resize')).toBe(0)
})

test('behavior: restore() gives the terminal back once, with no summary, and stops drawing', () => {
  vi.useFakeTimers()
  const { writes, output } = sink(true)
  const display = startDisplay(new MarketState('sim', 'BTC/USD'), {
    output,
    now: () => NOW,
  })
  display.restore()
  display.restore()
  display.stop()
  expect(writes.at(-2)).toBe(
    `${TERMINAL.showCursor}${TERMINAL.leaveAlternateScreen}`,
  )
  expect(writes.filter((w) => w.includes(TERMINAL.showCursor))).toHaveLength(1)
  const count = writes.length
  vi.advanceTimersByTime(5_000)
  expect(writes).toHaveLength(count)
})
