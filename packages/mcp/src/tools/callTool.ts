import {
  type Desk,
  type Operation,
  type Scope,
  toErrorResponse,
} from '@kraken-sockets/desk'
import * as v from 'valibot'
import type { AuditEntry, AuditLog } from '../safety/auditLog.js'
import type { ConfirmationCodes } from '../safety/confirmationCodes.js'
import { MODE_TEXT } from '../server/modeText.js'
import type { JsonObject } from './jsonSchema.js'
import {
  DEFAULT_KILL_SWITCH_SECONDS,
  KILL_SWITCH,
  runKillSwitch,
} from './killSwitch.js'
import { PREFLIGHTED, validateView } from './preflight.js'
import { CONFIRM_ARGUMENT, needsConfirmation } from './toolDefinitions.js'

/** A `tools/call` answer. */
export interface ToolResult {
  [key: string]: unknown
  content: { type: 'text'; text: string }[]
  structuredContent?: JsonObject
  isError?: boolean
}

/** How the server asks the user, when the client can show a form. */
export type AskUser = (
  message: string,
) => Promise<'accept' | 'decline' | 'cancel'>

/** Everything a tool call needs besides its name and arguments. */
export interface ToolCallContext {
  readonly desk: Desk
  readonly catalogue: readonly Operation[]
  readonly audit: AuditLog
  readonly codes: ConfirmationCodes
  /** The caller's permission (over HTTP, the token's scope). */
  readonly scope: Scope
  /** Present when the client supports elicitation. */
  readonly askUser?: AskUser | undefined
  /** The MCP session id, for the audit log. */
  readonly session?: string | undefined
}

const text = (value: unknown): string => JSON.stringify(value, null, 2)

const ok = (value: JsonObject): ToolResult => ({
  content: [{ type: 'text', text: text(value) }],
  structuredContent: value,
})

const failure = (message: string): ToolResult => ({
  content: [{ type: 'text', text: message }],
  isError: true,
})

/** Describes a call in words, for the user to accept or refuse. */
function describeCall(desk: Desk, tool: string, args: unknown): string {
  return `${MODE_TEXT[desk.mode]}\nThe assistant wants to call ${tool} with:\n${text(args)}\nAllow this call?`
}

/**
 * Answers `tools/call`: validates the arguments with the operation's own
 * valibot schema, checks the scope, asks the user before anything that
 * changes money (elicitation, else a one-time code), runs a `validate: true`
 * preflight in live mode, runs the operation, and appends every
 * money-changing call to the audit log whatever its outcome.
 */
export async function callTool(
  name: string,
  rawArgs: Record<string, unknown> | undefined,
  context: ToolCallContext,
): Promise<ToolResult> {
  const { desk } = context
  const { [CONFIRM_ARGUMENT]: confirm, ...args } = rawArgs ?? {}
  if (name === KILL_SWITCH) return killSwitch(args, context)
  const operation = context.catalogue.find((op) => op.name === name)
  if (operation === undefined) return failure(`Unknown tool "${name}".`)
  const guarded = needsConfirmation(operation)
  const audit = (entry: Omit<AuditEntry, 'tool' | 'mode' | 'session'>) =>
    guarded
      ? context.audit.append({
          tool: name,
          mode: desk.mode,
          session: context.session,
          ...entry,
        })
      : Promise.resolve()

  const parsed = v.safeParse(operation.input, args)
  if (!parsed.success) {
    const issues = parsed.issues.map(
      (issue) => `${v.getDotPath(issue) ?? '(input)'}: ${issue.message}`,
    )
    const message = `Invalid input for "${name}": ${issues.join('; ')}`
    await audit({
      args,
      outcome: 'refused',
      error: { kind: 'invalid_input', message },
    })
    return failure(message)
  }
  const input = parsed.output
  if (operation.scope === 'trade' && context.scope !== 'trade') {
    const message = `${name} needs a token with the trade scope.`
    await audit({
      args: input,
      outcome: 'refused',
      error: { kind: 'unauthorized', message },
    })
    return failure(message)
  }

  let confirmedBy: AuditEntry['confirmedBy']
  if (guarded) {
    if (typeof confirm === 'string') {
      if (!context.codes.redeem(name, input, confirm)) {
        await audit({ args: input, outcome: 'confirmation_invalid' })
        return failure(
          `The confirmation code is unknown, used, expired or was issued for other arguments: nothing was sent. Call ${name} again without "${CONFIRM_ARGUMENT}" to get a new code.`,
        )
      }
      confirmedBy = 'code'
    } else if (context.askUser !== undefined) {
      const answer = await context
        .askUser(describeCall(desk, name, input))
        .catch(() => 'cancel' as const)
      if (answer !== 'accept') {
        await audit({
          args: input,
          confirmedBy: undefined,
          outcome: 'declined',
        })
        return failure(
          `The user did not allow this ${name} call (${answer}): nothing was sent.`,
        )
      }
      confirmedBy = 'elicitation'
    } else {
      const code = context.codes.issue(name, input)
      await audit({ args: input, outcome: 'confirmation_requested' })
      return failure(
        `Confirmation needed: nothing was sent. Show the user this exact call and ask whether to go ahead:\n${describeCall(desk, name, input)}\nOnly if the user agrees, call ${name} again with exactly the same arguments plus "${CONFIRM_ARGUMENT}": "${code}". The code works once, for these arguments only, within 5 minutes.`,
      )
    }
  }

  // Fail closed: when the audit log cannot be written, nothing is sent.
  await audit({ args: input, confirmedBy, outcome: 'sending' })
  try {
    if (desk.mode === 'live' && PREFLIGHTED.has(name)) {
      try {
        await operation.run(validateView(desk), input, {})
      } catch (error) {
        // The policy refuses as it would without a preflight; anything else
        // (Kraken's refusal, a failure to send) keeps the order unsent.
        const { body } = toErrorResponse(error)
        const refused = body.error.kind === 'risk_refused'
        await audit({
          args: input,
          confirmedBy,
          outcome: refused ? 'refused' : 'preflight_failed',
          error: body.error,
        })
        const answer = refused
          ? body
          : {
              error: {
                ...body.error,
                message: `The validate: true preflight failed, so the order was not sent. ${body.error.message}`,
              },
            }
        return {
          content: [{ type: 'text', text: text(answer) }],
          isError: true,
        }
      }
    }
    const result = (await operation.run(desk, input, {})) as JsonObject
    await audit({
      args: input,
      confirmedBy,
      outcome: 'done',
      result: result.result ?? result,
    })
    return ok(result)
  } catch (error) {
    const { body } = toErrorResponse(error)
    await audit({
      args: input,
      confirmedBy,
      outcome: body.error.kind === 'risk_refused' ? 'refused' : 'failed',
      error: body.error,
    })
    return {
      content: [{ type: 'text', text: text(body) }],
      isError: true,
    }
  }
}

async function killSwitch(
  args: Record<string, unknown>,
  context: ToolCallContext,
): Promise<ToolResult> {
  // No confirmation and no policy, but it cancels orders: a read token
  // (a dashboard's) may not.
  if (context.scope !== 'trade')
    return failure(`${KILL_SWITCH} needs a token with the trade scope.`)
  const seconds = args.seconds ?? DEFAULT_KILL_SWITCH_SECONDS
  if (
    typeof seconds !== 'number' ||
    !Number.isInteger(seconds) ||
    seconds < 10 ||
    seconds > 86_399
  ) {
    return failure('seconds must be an integer from 10 to 86399.')
  }
  const result = await runKillSwitch(context.desk, seconds)
  await context.audit.append({
    tool: KILL_SWITCH,
    mode: context.desk.mode,
    session: context.session,
    args: { seconds },
    confirmedBy: 'not_needed',
    outcome: result.errors.length === 0 ? 'done' : 'failed',
    result,
  })
  return ok(result)
}
