import { readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { PaperAccountError } from '../errors.js'
import type { Exchange } from '../exchange/exchangeTypes.js'

/** A paper account kept in a file: its balances survive restarts. */
export type PaperAccount = {
  /** The balances read from the file, or `undefined` for a new account. */
  readonly balances: Readonly<Record<string, number>> | undefined
  /** Saves `accountId`'s balances after each change on `exchange`. */
  track(exchange: Exchange, accountId: string): void
  /** Writes the last balances and stops tracking; rejects with {@link PaperAccountError}. */
  close(): Promise<void>
}

/** The file's content: format version and balances (asset → amount). */
type PaperFile = { version: 1; balances: Record<string, number> }

function readBalances(path: string): Record<string, number> | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new PaperAccountError(`Cannot read the paper account ${path}`, {
      cause: error,
    })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new PaperAccountError(`The paper account ${path} is not JSON`, {
      cause: error,
    })
  }
  const balances = (parsed as Partial<PaperFile> | null)?.balances
  if (
    typeof balances !== 'object' ||
    balances === null ||
    !Object.values(balances).every(
      (v) => typeof v === 'number' && Number.isFinite(v),
    )
  )
    throw new PaperAccountError(
      `The paper account ${path} has no valid "balances" object (asset → number)`,
    )
  return { ...balances }
}

/**
 * Opens the paper account at `path` (created on the first save). Saves are
 * written to a temporary file then renamed, so a crash never leaves half a
 * file; they are coalesced, one write at a time.
 */
export function openPaperAccount(path: string): PaperAccount {
  const balances = readBalances(path)
  let latest: Record<string, number> | undefined
  let writing: Promise<void> = Promise.resolve()
  let failure: unknown
  let stop: (() => void) | undefined
  let scheduled = false

  const save = () => {
    if (scheduled) return
    scheduled = true
    writing = writing.then(async () => {
      scheduled = false
      if (latest === undefined) return
      const file: PaperFile = { version: 1, balances: latest }
      const temporary = `${path}.${process.pid}.tmp`
      try {
        await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`)
        await rename(temporary, path)
      } catch (error) {
        failure ??= error
      }
    })
  }

  return {
    balances,
    track(exchange, accountId) {
      const snapshot = () => {
        latest = Object.fromEntries(
          exchange
            .balancesSnapshot(accountId)
            .map((entry) => [entry.asset, entry.balance]),
        )
        save()
      }
      snapshot()
      stop = exchange.subscribe((event) => {
        if (event.channel === 'balances' && event.accountId === accountId)
          snapshot()
      })
    },
    async close() {
      stop?.()
      await writing
      if (failure !== undefined)
        throw new PaperAccountError(`Cannot write the paper account ${path}`, {
          cause: failure,
        })
    },
  }
}
