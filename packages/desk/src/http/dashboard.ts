import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Hono } from 'hono'
import { errorBody } from './errorResponse.js'

/** Where the built dashboard is: `dist/dashboard`, next to the compiled desk. */
export function defaultDashboardDir(): string {
  return fileURLToPath(new URL('../dashboard/', import.meta.url))
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Serves the dashboard's built files under `/dashboard/` (behind the same
 * auth as every route). Only flat asset names are served, so no path can
 * leave `dir`.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono env
export function serveDashboard(app: Hono<any>, dir: string): void {
  const send = async (file: string) => {
    try {
      const body = await readFile(join(dir, file))
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
          'Content-Security-Policy':
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        },
      })
    } catch {
      return undefined
    }
  }
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 302))
  app.get('/dashboard/', async (c) => {
    const response = await send('index.html')
    return (
      response ??
      c.json(
        errorBody(
          'not_found',
          'The dashboard is not built (run the package build).',
        ),
        404,
      )
    )
  })
  app.get('/dashboard/assets/:file', async (c) => {
    const file = c.req.param('file')
    const response = /^[\w.-]+$/.test(file)
      ? await send(join('assets', file))
      : undefined
    return response ?? c.json(errorBody('not_found', 'No such file.'), 404)
  })
}
