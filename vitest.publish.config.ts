import { configDefaults, defineConfig } from 'vitest/config'
import { GENEROUS_TIMEOUT, PUBLISH_TESTS } from './vitest.shared.js'

/**
 * The publish checks (`pnpm test:publish`): each packs real tarballs with
 * npm and runs `tsc` or `node` on a consumer of them, which takes tens of
 * seconds on a loaded machine. They are kept out of `pnpm test` so the
 * README's test command stays fast; CI runs both.
 */
export default defineConfig({
  test: {
    include: PUBLISH_TESTS,
    exclude: configDefaults.exclude,
    testTimeout: 4 * GENEROUS_TIMEOUT,
    hookTimeout: 4 * GENEROUS_TIMEOUT,
  },
})
