import type { Operation } from '@kraken-sockets/desk'
import { type JsonObject, jsonSchemaOf } from './jsonSchema.js'
import { KILL_SWITCH_TOOL } from './killSwitch.js'

/** One MCP tool as `tools/list` describes it. */
export interface ToolDefinition {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly inputSchema: JsonObject & { type: 'object' }
  readonly outputSchema?: (JsonObject & { type: 'object' }) | undefined
  readonly annotations: {
    readonly title: string
    readonly readOnlyHint: boolean
    readonly destructiveHint: boolean
    readonly idempotentHint: boolean
    readonly openWorldHint: boolean
  }
}

/** The argument that carries a one-time confirmation code. */
export const CONFIRM_ARGUMENT = 'confirm'

/** True for the tools that ask the user first: those that can change money. */
export const needsConfirmation = (operation: Operation): boolean =>
  operation.changesMoney

const CONFIRM_NOTE =
  'Over MCP every call of this tool needs the user\'s consent: the client shows the exact call for the user to accept, or, when the client cannot ask, the first call returns a one-time code bound to these exact arguments; show the call to the user and, only if they agree, call again with the same arguments plus "confirm": "<code>". The kill_switch tool needs no confirmation.'

// The catalogue's descriptions name HTTP routes; say what they are here.
const HTTP_NOTE =
  'Over MCP: GET /status is the status tool (or the kraken://health resource), GET /orders the orders tool (or kraken://orders), GET /alerts the alerts tool (or kraken://alerts); instead of GET /events, subscribe to the resources. The Idempotency-Key header does not apply.'

const mentionsHttp = (description: string) =>
  /GET \/|Idempotency-Key/.test(description)

const confirmProperty = {
  type: 'string',
  description:
    'The one-time code this server returned for exactly these arguments, passed only after the user agreed. Leave it out on the first call.',
}

const asObject = (schema: JsonObject): JsonObject & { type: 'object' } => ({
  ...schema,
  type: 'object',
})

/**
 * The MCP tool of a catalogue operation: its schemas as JSON Schema, its
 * description with what MCP adds, and the hints clients show.
 */
export function toolOf(operation: Operation): ToolDefinition {
  const confirm = needsConfirmation(operation)
  const input = asObject(jsonSchemaOf(operation.input))
  if (confirm) {
    input.properties = {
      ...((input.properties as JsonObject | undefined) ?? {}),
      [CONFIRM_ARGUMENT]: confirmProperty,
    }
  }
  return {
    name: operation.name,
    title: operation.summary,
    description: [
      operation.description,
      ...(mentionsHttp(operation.description) ? [HTTP_NOTE] : []),
      ...(confirm ? [CONFIRM_NOTE] : []),
    ].join(' '),
    inputSchema: input,
    outputSchema: asObject(jsonSchemaOf(operation.output)),
    annotations: {
      title: operation.summary,
      readOnlyHint: operation.readOnly,
      destructiveHint: operation.changesMoney,
      idempotentHint: operation.idempotent,
      openWorldHint: operation.changesMoney || !operation.readOnly,
    },
  }
}

/** Every tool: one per catalogue operation, then the kill switch. */
export function toolsOf(catalogue: readonly Operation[]): ToolDefinition[] {
  return [...catalogue.map(toolOf), KILL_SWITCH_TOOL]
}
