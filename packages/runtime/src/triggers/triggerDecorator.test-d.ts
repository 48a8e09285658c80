import { createEventEmitter } from '@kraken-sockets/transport'
import { expectTypeOf, test } from 'vitest'
import { createTriggerDecorator } from './triggerDecorator.js'

interface Ticker {
  last: number
}

const onTicker = createTriggerDecorator<Ticker>(() => () => {})

test('default', () => {
  class Bot {
    @onTicker
    handle(ticker: Ticker) {
      expectTypeOf(ticker.last).toEqualTypeOf<number>()
    }

    @onTicker
    async handleAsync(_ticker: Ticker): Promise<void> {}
  }
  expectTypeOf(new Bot().handle).parameter(0).toEqualTypeOf<Ticker>()
})

test('error: a method that expects another value type', () => {
  class Bot {
    // @ts-expect-error: the decorator hands a Ticker, not a string
    @onTicker
    handle(_text: string) {}
  }
  expectTypeOf(Bot).toBeConstructibleWith()
})

test('behavior: emitter payloads are typed per event', () => {
  const events = createEventEmitter<{ error: Error; gap: { dropped: number } }>(
    {
      unreported() {},
    },
  )
  events.on('gap', (gap) => {
    expectTypeOf(gap.dropped).toEqualTypeOf<number>()
  })
  // @ts-expect-error: 'nope' is not an event of this map
  events.on('nope', () => {})
  // @ts-expect-error: a gap payload needs `dropped`
  events.emit('gap', {})
})
