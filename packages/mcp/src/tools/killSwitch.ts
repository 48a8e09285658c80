import {
  type CallContext,
  catalogue,
  type Desk,
  type Operation,
  toErrorResponse,
} from '@kraken-sockets/desk'
import type { JsonObject } from './jsonSchema.js'
import type { ToolDefinition } from './toolDefinitions.js'

/** The kill switch's tool name. */
export const KILL_SWITCH = 'kill_switch'

/** The dead man's switch timeout the kill switch arms when none is given (s). */
export const DEFAULT_KILL_SWITCH_SECONDS = 60

/** The kill switch tool: always listed, never asks, never refused by the policy. */
export const KILL_SWITCH_TOOL: ToolDefinition = {
  name: KILL_SWITCH,
  title: 'Kill switch: cancel everything',
  description:
    "Cancels every open order (cancel_all) and arms Kraken's dead man's switch for seconds (default 60), so that an order still in flight is cancelled too. Always allowed: it needs no confirmation and the risk policy does not apply (over HTTP it needs the trade token, like every tool that cancels). Use it when anything looks wrong. Returns the number of orders cancelled and the switch's trigger time, with the error of a step that failed.",
  inputSchema: {
    type: 'object',
    properties: {
      seconds: {
        type: 'integer',
        minimum: 10,
        maximum: 86_399,
        description:
          "The dead man's switch timeout in seconds (default 60): Kraken cancels everything again then unless it is re-armed or disarmed (dead_mans_switch with timeout 0).",
      },
    },
  },
  outputSchema: {
    type: 'object',
    properties: {
      cancelled: { type: ['number', 'null'] },
      trigger_time: { type: ['string', 'null'] },
      errors: { type: 'array', items: { type: 'string' } },
    },
    required: ['cancelled', 'trigger_time', 'errors'],
  },
  annotations: {
    title: 'Kill switch',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
}

/** What the kill switch did. */
export interface KillSwitchResult extends JsonObject {
  /** Orders cancelled, or `null` when cancel_all failed. */
  readonly cancelled: number | null
  /** When Kraken's dead man's switch fires, or `null` when arming failed. */
  readonly trigger_time: string | null
  /** One line per failed step. */
  readonly errors: string[]
}

const operation = (name: string): Operation => {
  const found = catalogue.find((candidate) => candidate.name === name)
  if (found === undefined) throw new Error(`The catalogue has no ${name}.`)
  return found
}

const message = (error: unknown) => toErrorResponse(error).body.error.message

/**
 * Runs the catalogue's cancel_all, then its dead_mans_switch, each even when
 * the other fails: the point is to stop everything that can be stopped.
 */
export async function runKillSwitch(
  desk: Desk,
  seconds: number = DEFAULT_KILL_SWITCH_SECONDS,
): Promise<KillSwitchResult> {
  const call: CallContext = {}
  const errors: string[] = []
  let cancelled: number | null = null
  let triggerTime: string | null = null
  try {
    const ack = (await operation('cancel_all').run(desk, {}, call)) as {
      result: { count: number }
    }
    cancelled = ack.result.count
  } catch (error) {
    errors.push(`cancel_all: ${message(error)}`)
  }
  try {
    const ack = (await operation('dead_mans_switch').run(
      desk,
      { timeout: seconds },
      call,
    )) as { result: { triggerTime: string } }
    triggerTime = ack.result.triggerTime
  } catch (error) {
    errors.push(`dead_mans_switch: ${message(error)}`)
  }
  return { cancelled, trigger_time: triggerTime, errors }
}
