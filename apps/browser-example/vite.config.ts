import { defaultClientConditions, defineConfig } from 'vite'

/**
 * Builds the page from the workspace packages' TypeScript sources (the
 * `@kraken-sockets/source` export condition), so no package build is needed.
 */
export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    conditions: ['@kraken-sockets/source', ...defaultClientConditions],
  },
  build: { target: 'es2022' },
})
