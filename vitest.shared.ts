/**
 * Settings both vitest configs share: the fast suite (`vitest.config.ts`,
 * `pnpm test`) and the publish checks (`vitest.publish.config.ts`,
 * `pnpm test:publish`).
 */

/**
 * Per-test and per-hook limit (ms). Only a hang should reach it: on a
 * 2-core machine with both cores busy, real sockets, child processes and
 * property runs take many times longer than on a quiet one.
 */
export const GENEROUS_TIMEOUT = 120_000

/**
 * Tests that pack the published packages and build, run or type-check
 * consumers of them (the manifest checks only read files and stay fast).
 */
export const PUBLISH_TESTS = [
  'test/publish/pack.test.ts',
  'test/publish/commonjs.test.ts',
]
