/**
 * The shape the runtime needs of a trigger key: a response type value of
 * `@kraken-sockets/schema` (`kind: 'response'`, with the families it belongs
 * to) or a family (`kind: 'family'`). Structural, so that the schema's frozen
 * objects plug in as they are and serve as `Map` keys by identity.
 */
export interface TriggerKey {
  /** `response` for a response type, `family` for a family of them. */
  readonly kind: 'response' | 'family'
  /** The export name, e.g. `TickerUpdateResponse`. */
  readonly name: string
  /** For a response type, the families it belongs to. */
  readonly families?: readonly TriggerKey[]
}

/** A trigger handler: called with each value of its key, in order. */
export type TriggerHandler<TValue = never> = (value: TValue) => unknown
