import { defineConfig } from 'vitest/config'
import root from '../../vitest.config.js'

/**
 * The gateway's slow tests (`slow/*.test.ts`: a three-node JetStream
 * cluster, a consumer stalled for 30 s), kept out of the fast suite; run
 * from the repository root with `pnpm test:slow`.
 */
export default defineConfig({
  ...root,
  test: {
    ...root.test,
    include: ['packages/gateway/slow/**/*.test.ts'],
    fileParallelism: false,
  },
})
