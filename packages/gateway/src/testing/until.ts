/** Resolves once `predicate()` holds (polled), rejects after `timeout` ms. */
export function until(
  predicate: () => boolean,
  timeout = 30_000,
  what = 'condition',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer)
        resolve()
      } else if (Date.now() - started > timeout) {
        clearInterval(timer)
        reject(new Error(`${what} not met within ${timeout} ms`))
      }
    }, 10)
  })
}
