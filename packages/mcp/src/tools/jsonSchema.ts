import type { AnySchema, JsonObject } from '@kraken-sockets/desk'
import { toJsonSchema } from '@valibot/to-json-schema'

export type { JsonObject }

/**
 * The JSON Schema (draft-07, what MCP clients validate with) of one of the
 * catalogue's valibot schemas, without `$schema`. Checks valibot cannot
 * express in JSON Schema are left out; the server still validates with valibot.
 */
export function jsonSchemaOf(schema: AnySchema): JsonObject {
  const { $schema: _, ...rest } = toJsonSchema(schema, {
    target: 'draft-07',
    errorMode: 'ignore',
  }) as JsonObject
  return rest
}
