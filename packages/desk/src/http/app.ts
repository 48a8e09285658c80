import { type Context, Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { timing } from 'hono/timing'
import * as v from 'valibot'
import type { Operation, Scope } from '../catalogue/operation.js'
import type { Desk } from '../desk.js'
import { defaultDashboardDir, serveDashboard } from './dashboard.js'
import { errorBody, toErrorResponse } from './errorResponse.js'
import { buildOpenApi } from './openapi.js'
import { renderReference } from './reference.js'
import { eventStream } from './sse.js'
import { type DeskTokens, scopeOf } from './tokens.js'

/** Options of {@link createDeskApp}. */
export interface DeskAppOptions {
  readonly desk: Desk
  readonly catalogue: readonly Operation[]
  readonly tokens: DeskTokens
  /**
   * `Host` header values the desk answers to (e.g. `127.0.0.1:8787`); any
   * other Host is refused, which defeats DNS rebinding. Browser `Origin`s
   * must be `http://` one of these.
   */
  readonly allowedHosts: () => readonly string[]
  /** The version in the OpenAPI document. */
  readonly version: string
  /** The built dashboard's folder. @default {@link defaultDashboardDir} */
  readonly dashboardDir?: string | undefined
  /** Extra handlers served behind the Host/Origin guard and the bearer token (e.g. an MCP endpoint). */
  readonly mounts?: readonly DeskMount[] | undefined
}

/**
 * An extra endpoint on the desk's server. It sees only requests that passed
 * the Host/Origin guard and carried a valid token, and gets the token's scope.
 */
export interface DeskMount {
  /** The path it answers at, every method (e.g. `/mcp`). */
  readonly path: string
  /** Answers one request. */
  handle(
    request: Request,
    context: { readonly scope: Scope; readonly desk: Desk },
  ): Response | Promise<Response>
  /** Ends its open work when the desk closes. */
  close?(): Promise<void>
}

/** The cookie a browser gets from /login: read scope, GET routes only. */
const COOKIE = 'kraken_desk_token'

/** The Hono environment of the desk's app: the caller's scope, set by the auth middleware. */
export type DeskAppEnv = { Variables: { scope: Scope } }

const bearer = (header: string | undefined) => {
  const match = header === undefined ? null : /^Bearer ([^\s]+)$/.exec(header)
  return match?.[1]
}

/**
 * Builds the desk's Hono app: Host/Origin guard, bearer auth with scopes,
 * one route per catalogue operation, the event stream, the OpenAPI
 * document and its reference page.
 */
export function createDeskApp(options: DeskAppOptions): Hono<DeskAppEnv> {
  const { desk, catalogue, tokens } = options
  const app = new Hono<DeskAppEnv>()
  const openapi = buildOpenApi(catalogue, options.version)

  // `Server-Timing: total;dur=…` on every answer: what the desk itself spent,
  // so a caller can tell it from the network and its own side. Not on the
  // event stream, which writes its headers itself.
  app.use('*', timing({ enabled: (c) => c.req.path !== '/events' }))
  app.use('*', async (c, next) => {
    const allowed = options.allowedHosts()
    const host = c.req.header('Host')
    if (host === undefined || !allowed.includes(host)) {
      return c.json(
        errorBody('forbidden', 'This Host is not served here.'),
        403,
      )
    }
    const origin = c.req.header('Origin')
    if (
      origin !== undefined &&
      !allowed.some((name) => origin === `http://${name}`)
    ) {
      return c.json(
        errorBody('forbidden', 'Cross-origin requests are refused.'),
        403,
      )
    }
    await next()
    return undefined
  })

  app.get('/health', (c) => c.json({ ok: true as const }))

  app.get('/login', (c) => {
    const scope = scopeOf(tokens, c.req.query('token') ?? '')
    if (scope === undefined)
      return c.json(errorBody('unauthorized', 'Wrong token.'), 401)
    setCookie(c, COOKIE, tokens.read, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    })
    return c.redirect(
      c.req.query('next') === 'dashboard' ? '/dashboard/' : '/reference',
      303,
    )
  })

  app.use('*', async (c, next) => {
    const presented = bearer(c.req.header('Authorization'))
    let scope = presented === undefined ? undefined : scopeOf(tokens, presented)
    if (
      scope === undefined &&
      presented === undefined &&
      c.req.method === 'GET'
    ) {
      const cookie = getCookie(c, COOKIE)
      // A cookie (set by /login) grants read-only GETs, never trading.
      if (cookie !== undefined && scopeOf(tokens, cookie) !== undefined)
        scope = 'read'
    }
    if (scope === undefined) {
      c.header('WWW-Authenticate', 'Bearer')
      return c.json(
        errorBody('unauthorized', 'A valid bearer token is required.'),
        401,
      )
    }
    c.set('scope', scope)
    await next()
    return undefined
  })

  app.get('/openapi.json', (c) => c.json(openapi))
  app.get('/reference', (c) => c.html(renderReference(openapi)))
  app.get('/events', (c) => eventStream(c, desk.events))
  serveDashboard(app, options.dashboardDir ?? defaultDashboardDir())
  for (const mount of options.mounts ?? []) {
    app.all(mount.path, (c) =>
      mount.handle(c.req.raw, { scope: c.get('scope'), desk }),
    )
  }

  for (const operation of catalogue) {
    const handler = async (c: Context<DeskAppEnv>) => {
      if (operation.scope === 'trade' && c.get('scope') !== 'trade') {
        return c.json(
          errorBody(
            'unauthorized',
            `${operation.name} needs a token with the trade scope.`,
          ),
          401,
        )
      }
      let raw: unknown
      if (operation.http.method === 'GET') raw = c.req.query()
      else {
        const text = await c.req.text()
        try {
          raw = text.trim() === '' ? {} : JSON.parse(text)
        } catch {
          return c.json(
            errorBody('invalid_input', 'The body is not JSON.'),
            400,
          )
        }
      }
      const parsed = v.safeParse(operation.input, raw)
      if (!parsed.success) {
        const issues = parsed.issues.map(
          (issue) => `${v.getDotPath(issue) ?? '(input)'}: ${issue.message}`,
        )
        return c.json(
          errorBody(
            'invalid_input',
            `Invalid input for "${operation.name}": ${issues.join('; ')}`,
          ),
          400,
        )
      }
      const key = c.req.header('Idempotency-Key')
      if (key !== undefined && (key.length === 0 || key.length > 200)) {
        return c.json(
          errorBody(
            'invalid_input',
            'Idempotency-Key must be 1 to 200 characters.',
          ),
          400,
        )
      }
      try {
        const result = await operation.run(desk, parsed.output, {
          idempotencyKey: key,
        })
        return c.json(result as object)
      } catch (error) {
        const { status, body } = toErrorResponse(error)
        if (status === 500)
          desk.kraken.log(
            `desk: ${operation.name} failed: ${String(error)}`,
            'error',
          )
        return c.json(body, status)
      }
    }
    if (operation.http.method === 'GET') app.get(operation.http.path, handler)
    else app.post(operation.http.path, handler)
  }

  app.notFound((c) => c.json(errorBody('not_found', 'No such route.'), 404))
  app.onError((error, c) => {
    desk.kraken.log(`desk: ${String(error)}`, 'error')
    return c.json(
      errorBody('internal', 'The desk failed to handle the request.'),
      500,
    )
  })
  return app
}
