/**
 * Waits for `promise` to settle, but at most `timeout` ms. Resolves `true`
 * when it settled in time (fulfilled or rejected: the outcome is not this
 * helper's business, and a rejection is never left unhandled), else `false`.
 */
export function settleWithin(
  promise: PromiseLike<unknown>,
  timeout: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeout)
    const done = () => {
      clearTimeout(timer)
      resolve(true)
    }
    promise.then(done, done)
  })
}
