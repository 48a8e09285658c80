// biome-ignore-all lint/performance/noBarrelFile: a package entry point (the `./testing` subpath), as src/index.ts is
/**
 * `@kraken-sockets/runtime/testing`: parts of the runtime's inside, exported
 * for benchmarks and tests that measure or exercise one part alone (the
 * repository's `bench/` times the trigger registry's dispatch this way).
 *
 * Not part of the stable API: these names may change in any minor version.
 * Applications use `KrakenWebSocketAPI` from `@kraken-sockets/runtime`.
 *
 * @example
 * ```ts
 * import { createTriggerRegistry } from '@kraken-sockets/runtime/testing'
 *
 * const registry = createTriggerRegistry({ onError: console.error, onGap: console.warn })
 * ```
 *
 * @module
 */

export { TickerState } from './state/tickerState.js'
export type { TriggerHandler, TriggerKey } from './triggers/triggerKey.js'
export {
  type CatchAllItem,
  createTriggerRegistry,
  type TriggerRegistry,
  type TriggerRegistryConfig,
  type TriggerStats,
} from './triggers/triggerRegistry.js'
