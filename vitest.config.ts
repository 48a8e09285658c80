import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

export default defineConfig({
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
