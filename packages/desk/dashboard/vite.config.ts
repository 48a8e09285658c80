import { defineConfig } from 'vite'

/**
 * Builds the dashboard page into `dist/dashboard`, which the desk serves at
 * `/dashboard/`. Relative asset URLs (`base: './'`), so the page works under
 * that prefix.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    target: 'es2022',
    outDir: '../dist/dashboard',
    emptyOutDir: true,
  },
})
