import { expect, test } from 'vitest'
import {
  createTriggerDecorator,
  removeDecoratedTriggers,
} from './triggerDecorator.js'
import type { TriggerKey } from './triggerKey.js'
import { createTriggerRegistry } from './triggerRegistry.js'

interface Ticker {
  symbol: string
  last: number
}
const TickerUpdateResponse: TriggerKey = Object.freeze({
  kind: 'response',
  name: 'TickerUpdateResponse',
  families: [],
})

function setup() {
  const registry = createTriggerRegistry({ onError() {}, onGap() {} })
  const trigger = (key: TriggerKey) =>
    createTriggerDecorator<Ticker>((handler) => registry.add(key, handler))
  return { registry, trigger }
}

test('default', () => {
  const { registry, trigger } = setup()

  class Bot {
    readonly seen: string[] = []
    readonly prefix = 'last'

    @trigger(TickerUpdateResponse)
    onTicker(ticker: Ticker) {
      // `this` is the instance, with its fields set by the time data arrives.
      this.seen.push(`${this.prefix} ${ticker.symbol} ${ticker.last}`)
    }
  }

  const bot = new Bot()
  registry.dispatch(TickerUpdateResponse, { symbol: 'BTC/USD', last: 1 })
  expect(bot.seen).toEqual(['last BTC/USD 1'])
  expect(registry.stats().byHandler).toMatchObject([{ handler: 'onTicker' }])
})

test('behavior: each instance registers its own bound handler', () => {
  const { registry, trigger } = setup()

  class Counter {
    count = 0
    @trigger(TickerUpdateResponse)
    increment() {
      this.count++
    }
  }

  const first = new Counter()
  const second = new Counter()
  registry.dispatch(TickerUpdateResponse, { symbol: 'A', last: 1 })
  expect([first.count, second.count]).toEqual([1, 1])
  expect(removeDecoratedTriggers(first)).toBe(1)
  expect(removeDecoratedTriggers(first)).toBe(0)
  registry.dispatch(TickerUpdateResponse, { symbol: 'A', last: 2 })
  expect([first.count, second.count]).toEqual([1, 2])
})

test('behavior: static and private methods', () => {
  const { registry, trigger } = setup()
  const seen: string[] = []

  class Hooks {
    @trigger(TickerUpdateResponse)
    static onStatic(ticker: Ticker) {
      seen.push(`static ${ticker.symbol}`)
    }

    @trigger(TickerUpdateResponse)
    #onPrivate(ticker: Ticker) {
      seen.push(`private ${ticker.symbol}`)
    }

    get privateName(): string {
      return this.#onPrivate.name
    }
  }

  expect(new Hooks().privateName).toBe('#onPrivate')
  registry.dispatch(TickerUpdateResponse, { symbol: 'X', last: 0 })
  expect(seen.sort()).toEqual(['private X', 'static X'])
  expect(removeDecoratedTriggers(Hooks)).toBe(1)
})
