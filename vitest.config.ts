import { availableParallelism } from 'node:os'
import {
  defaultServerConditions,
  type Plugin,
  transformWithEsbuild,
} from 'vite'
import { configDefaults, defineConfig } from 'vitest/config'
import { GENEROUS_TIMEOUT, PUBLISH_TESTS } from './vitest.shared.js'

/**
 * Vite 8 transforms TypeScript with oxc, which cannot lower TC39 (2023)
 * decorators yet (oxc-project/oxc#9170) and Node 20 cannot run them. esbuild
 * can, so files that use a decorator go through it first.
 */
const lowerStandardDecorators: Plugin = {
  name: 'kraken-sockets:lower-standard-decorators',
  enforce: 'pre',
  async transform(code, id) {
    if (!/\.[cm]?ts$/.test(id) || !/^\s*@[A-Za-z_$]/m.test(code)) return null
    const { code: lowered, map } = await transformWithEsbuild(
      code,
      id,
      { loader: 'ts', target: 'es2022' },
      undefined,
      undefined,
      undefined,
      // Deliberate use: oxc has no TC39 decorator lowering to migrate to yet.
      true,
    )
    return { code: lowered, map }
  },
}

export default defineConfig({
  plugins: [lowerStandardDecorators],
  ssr: {
    resolve: {
      conditions: ['@kraken-sockets/source', ...defaultServerConditions],
    },
  },
  test: {
    include: [
      '{packages,apps}/*/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Packing tarballs and running tsc on them is slow: `pnpm test:publish`
    // (vitest.publish.config.ts) runs them, and CI runs that separately.
    exclude: [...configDefaults.exclude, ...PUBLISH_TESTS],
    typecheck: { include: ['packages/*/src/**/*.test-d.ts'] },
    restoreMocks: true,
    // Most files wait on sockets, child processes and timers, not the CPU:
    // vitest's default (one worker per core less one) ran one file at a time
    // on a 2-core machine, 587 s against 269 s with three workers (same tree,
    // same machine, 1,550 tests).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // The suite must pass on a loaded 2-core machine, where a test that takes
    // a second alone can take twenty: limits only catch hangs, never speed.
    // Time-sensitive logic runs on fake timers instead.
    testTimeout: GENEROUS_TIMEOUT,
    hookTimeout: GENEROUS_TIMEOUT,
    teardownTimeout: GENEROUS_TIMEOUT,
  },
})
