import type * as v from 'valibot'

/** Joins a base path and a valibot issue path: `data[0]` + `bids[2].price`. */
export function issuePath(base: string, issue: v.BaseIssue<unknown>): string {
  let path = base
  for (const item of issue.path ?? []) {
    const key = item.key
    if (typeof key === 'number') path += `[${key}]`
    else path += path === '' ? String(key) : `.${String(key)}`
  }
  return path
}
