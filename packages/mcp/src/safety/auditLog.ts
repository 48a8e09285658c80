import { mkdir, open } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { AuditLogError } from '../errors.js'

/** What happened to one money-changing tool call. */
export type AuditOutcome =
  | 'confirmation_requested'
  | 'confirmation_invalid'
  | 'declined'
  | 'refused'
  | 'sending'
  | 'preflight_failed'
  | 'failed'
  | 'done'

/** One line of the audit log. */
export interface AuditEntry {
  /** The tool called. */
  readonly tool: string
  /** The desk's mode: paper, validate or live. */
  readonly mode: string
  /** The validated arguments (the confirmation code left out). */
  readonly args: unknown
  /** How the user agreed, when they did. */
  readonly confirmedBy?: 'elicitation' | 'code' | 'not_needed' | undefined
  readonly outcome: AuditOutcome
  /** The error kind (risk_refused, rejected, …), the rule and message, when it failed. */
  readonly error?:
    | {
        readonly kind: string
        readonly message: string
        readonly rule?: string | undefined
      }
    | undefined
  /** Kraken's result (identifiers, counts), when it was done. */
  readonly result?: unknown
  /** The MCP session, over HTTP. */
  readonly session?: string | undefined
}

/** An append-only JSON Lines file of every money-changing call. */
export interface AuditLog {
  readonly path: string
  /**
   * Appends one line `{ "at": <ISO time>, ...entry }`, in call order.
   * @throws {AuditLogError} when the file cannot be written.
   */
  append(entry: AuditEntry): Promise<void>
  /** Closes the file after pending lines are written. */
  close(): Promise<void>
}

/** `$XDG_STATE_HOME/kraken-mcp/audit.jsonl`, else `~/.local/state/kraken-mcp/audit.jsonl`. */
export function defaultAuditLogPath(): string {
  const state = process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state')
  return join(state, 'kraken-mcp', 'audit.jsonl')
}

const SECRET_KEY = /token|secret|private|api_?key|signature|password/i

/** Drops fields whose names suggest a secret, at any depth: the log must never hold one. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (!SECRET_KEY.test(key)) out[key] = withoutSecrets(field)
  }
  return out
}

/**
 * Opens (creating, mode 0600) the audit log for appending only: lines are
 * added, never rewritten. Writes are chained so lines keep call order.
 * @throws {AuditLogError} when the folder or file cannot be opened.
 */
export async function openAuditLog(
  path: string = defaultAuditLogPath(),
  now: () => Date = () => new Date(),
): Promise<AuditLog> {
  let file: Awaited<ReturnType<typeof open>>
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    file = await open(path, 'a', 0o600)
  } catch (error) {
    throw new AuditLogError(`Cannot open the audit log ${path}.`, {
      cause: error,
    })
  }
  let chain: Promise<void> = Promise.resolve()
  return {
    path,
    append(entry) {
      const line = `${JSON.stringify({ at: now().toISOString(), ...(withoutSecrets(entry) as object) })}\n`
      const write = chain.then(async () => {
        try {
          await file.appendFile(line, 'utf8')
        } catch (error) {
          throw new AuditLogError(`Cannot write the audit log ${path}.`, {
            cause: error,
          })
        }
      })
      chain = write.catch(() => undefined)
      return write
    },
    async close() {
      await chain
      await file.close()
    },
  }
}
