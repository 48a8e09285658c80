import {
  defaultServerConditions,
  type Plugin,
  transformWithEsbuild,
} from 'vite'
import { defineConfig } from 'vitest/config'

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
    typecheck: { include: ['packages/*/src/**/*.test-d.ts'] },
    restoreMocks: true,
  },
})
