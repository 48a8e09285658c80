import type * as v from 'valibot'
import type { ResponseCatalogue } from './responseCatalogue.js'
import type { Precise } from './shared.js'

/** The value a trigger receives for each catalogue row: its schema's output, precise. */
type CatalogueValues = {
  [K in keyof ResponseCatalogue]: Precise<
    v.InferOutput<ResponseCatalogue[K]['schema']>
  >
}

/**
 * Every response type name, each mapped to the value a trigger receives.
 * Derived from the one response catalogue (each schema's output).
 */
export interface ResponseValueMap extends CatalogueValues {}

/** The name of a response type, e.g. `'TickerUpdateResponse'`. */
export type ResponseName = keyof ResponseValueMap

/**
 * A response type: a frozen value usable as a trigger key or a `Map` key.
 * `schema` validates its decoded value.
 */
export interface ResponseType<TName extends ResponseName = ResponseName> {
  readonly kind: 'response'
  readonly name: TName
  /** The families this type belongs to. */
  readonly families: readonly ResponseFamily[]
  /** Validates a decoded value of this type. */
  readonly schema: v.GenericSchema<unknown, ResponseValueMap[TName]>
}

/** A family of response types, matching each of its members. */
export interface ResponseFamily<
  TName extends string = string,
  TMember extends ResponseName = ResponseName,
> {
  readonly kind: 'family'
  readonly name: TName
  readonly members: readonly ResponseType<TMember>[]
}

/** The value type of a response type or family: `ResponseValue<typeof X>`. */
export type ResponseValue<TKey> =
  TKey extends ResponseType<infer TName>
    ? ResponseValueMap[TName]
    : TKey extends ResponseFamily<string, infer TMember>
      ? ResponseValueMap[TMember]
      : never
