import type * as v from 'valibot'
import type { Desk } from '../desk.js'

/** Any valibot schema an operation may use (no async checks). */
export type AnySchema = v.GenericSchema<unknown, unknown>

/** The permission an operation needs: `trade` includes `read`. */
export type Scope = 'read' | 'trade'

/** What a caller hands an operation besides its input. */
export interface CallContext {
  /** Makes a money-changing call safe to retry: same key, same effect, once. */
  readonly idempotencyKey?: string | undefined
}

/**
 * One operation of the desk: the single definition the HTTP API (and the
 * MCP server) are generated from.
 */
export interface Operation<
  TInput extends AnySchema = AnySchema,
  TOutput extends AnySchema = AnySchema,
> {
  /** A stable snake_case name (the OpenAPI operationId, the MCP tool name). */
  readonly name: string
  /** A one-line summary. */
  readonly summary: string
  /** What it does, what it needs and what can go wrong, written for a model to act on. */
  readonly description: string
  /** The HTTP method and path the HTTP API serves it at. */
  readonly http: { readonly method: 'GET' | 'POST'; readonly path: string }
  readonly input: TInput
  readonly output: TOutput
  /** Reads state only. */
  readonly readOnly: boolean
  /** Can place, change or cancel orders. */
  readonly changesMoney: boolean
  /** Calling it twice with the same input has the effect of calling it once. */
  readonly idempotent: boolean
  readonly scope: Scope
  /**
   * Runs it. `input` is already validated. Resolves with a value matching
   * `output`; rejects with the desk's or the runtime's typed errors.
   */
  run(
    desk: Desk,
    input: v.InferOutput<TInput>,
    call: CallContext,
  ): Promise<v.InferInput<TOutput>>
}

/** Defines an operation with its types inferred from its schemas. */
export function defineOperation<
  TInput extends AnySchema,
  TOutput extends AnySchema,
>(operation: Operation<TInput, TOutput>): Operation<TInput, TOutput> {
  return operation
}
