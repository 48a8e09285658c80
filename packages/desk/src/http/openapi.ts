import { toJsonSchema } from '@valibot/to-json-schema'
import type { AnySchema, Operation } from '../catalogue/operation.js'
import { ErrorBodySchema } from '../catalogue/schemas.js'

/** A JSON object: the OpenAPI document and its parts. */
export type JsonObject = Record<string, unknown>

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a valibot schema, without `$schema`. */
function jsonSchema(schema: AnySchema): JsonObject {
  const { $schema: _, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
  }) as JsonObject
  return rest
}

const json = (schema: JsonObject) => ({ 'application/json': { schema } })
const errorRef = { $ref: '#/components/schemas/ErrorBody' }
const errorAnswer = (description: string) => ({
  description,
  content: json(errorRef),
})

const COMMON_ERRORS = {
  '400': errorAnswer('invalid_input: the input does not match the schema.'),
  '401': errorAnswer(
    'unauthorized: no token, a wrong token, or a read token on a trade route.',
  ),
  '403': errorAnswer('forbidden: foreign Host or Origin.'),
}

const MONEY_ERRORS = {
  '422': errorAnswer(
    'risk_refused (with the rule; nothing sent) or rejected (Kraken refused; nothing placed).',
  ),
  '503': errorAnswer('not_sent: never left the desk; safe to retry.'),
  '504': errorAnswer(
    'outcome_unknown: sent but unanswered; the order may be live.',
  ),
}

function queryParameters(schema: AnySchema): JsonObject[] {
  const object = jsonSchema(schema)
  const properties = (object.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((object.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...(typeof property.description === 'string'
      ? { description: property.description }
      : {}),
  }))
}

function operationObject(operation: Operation): JsonObject {
  const isGet = operation.http.method === 'GET'
  const parameters = isGet ? queryParameters(operation.input) : []
  if (operation.changesMoney && !operation.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes a retry safe: the same key within the desk run returns the first answer, and maps to the order cl_ord_id, so Kraken never sees a second order.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    })
  }
  return {
    operationId: operation.name,
    summary: operation.summary,
    description: operation.description,
    tags: [
      operation.changesMoney
        ? 'trading'
        : operation.readOnly
          ? 'read'
          : 'control',
    ],
    security: [{ bearer: [] }],
    'x-scope': operation.scope,
    'x-read-only': operation.readOnly,
    'x-changes-money': operation.changesMoney,
    'x-idempotent': operation.idempotent,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(isGet
      ? {}
      : {
          requestBody: {
            required: true,
            content: json(jsonSchema(operation.input)),
          },
        }),
    responses: {
      '200': {
        description: 'Success.',
        content: json(jsonSchema(operation.output)),
      },
      ...COMMON_ERRORS,
      ...(operation.changesMoney
        ? MONEY_ERRORS
        : { '404': errorAnswer('not_found.') }),
    },
  }
}

/** Builds the OpenAPI 3.1 document of the desk from its catalogue and fixed routes. */
export function buildOpenApi(
  catalogue: readonly Operation[],
  version: string,
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const operation of catalogue) {
    const item = paths[operation.http.path] ?? {}
    item[operation.http.method.toLowerCase()] = operationObject(operation)
    paths[operation.http.path] = item
  }
  paths['/health'] = {
    get: {
      operationId: 'health',
      summary: 'Liveness',
      description: 'Answers { ok: true } without a token; says nothing else.',
      security: [],
      responses: {
        '200': {
          description: 'Alive.',
          content: json({
            type: 'object',
            properties: { ok: { const: true } },
            required: ['ok'],
          }),
        },
      },
    },
  }
  paths['/events'] = {
    get: {
      operationId: 'events',
      summary: 'Event stream (Server-Sent Events)',
      description:
        'Streams ticker, trade, book_top, execution, alert and connection events as text/event-stream, each with an id. Reconnect with the Last-Event-ID header to resume; if the desk no longer holds the events after it, a "gap" event says so first. kinds=ticker,alert filters.',
      security: [{ bearer: [] }],
      parameters: [
        {
          name: 'kinds',
          in: 'query',
          required: false,
          schema: { type: 'string' },
        },
        {
          name: 'Last-Event-ID',
          in: 'header',
          required: false,
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': {
          description: 'The stream.',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
        ...COMMON_ERRORS,
      },
    },
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      description: 'The OpenAPI 3.1 document, generated from the catalogue.',
      security: [{ bearer: [] }],
      responses: {
        '200': {
          description: 'OpenAPI 3.1.',
          content: json({ type: 'object' }),
        },
        ...COMMON_ERRORS,
      },
    },
  }
  paths['/reference'] = htmlPage(
    'reference',
    'Browsable API reference',
    'An HTML page listing every operation with its schemas. In a browser, open /login?token=<read token> once: it sets a same-site cookie good for read-only GET pages.',
  )
  paths['/dashboard/'] = htmlPage(
    'dashboard',
    'Dashboard page',
    'Live tickers, the verified book depth chart, recent trades, open orders, indicators, alerts and connection health. In a browser, open /login?token=<token>&next=dashboard once; placing an order from the page asks for the trade token.',
  )
  paths['/login'] = {
    get: {
      operationId: 'login',
      summary: 'Browser login',
      description:
        'Checks token (a query parameter) and sets an HttpOnly, SameSite=Strict cookie granting the read scope to GET routes, then redirects to /reference.',
      security: [],
      parameters: [
        {
          name: 'token',
          in: 'query',
          required: true,
          schema: { type: 'string' },
        },
      ],
      responses: { '303': { description: 'Logged in.' }, ...COMMON_ERRORS },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kraken-desk',
      version,
      description:
        "A local control API around one Kraken Spot WebSocket API v2 client. Orders pass a risk policy before anything is sent, and order routes await Kraken's answer.",
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ErrorBody: jsonSchema(ErrorBodySchema) },
    },
    paths,
  }
}

/** A token-protected GET route that serves an HTML page. */
function htmlPage(operationId: string, summary: string, description: string) {
  return {
    get: {
      operationId,
      summary,
      description,
      security: [{ bearer: [] }],
      responses: {
        '200': {
          description: 'HTML.',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...COMMON_ERRORS,
      },
    },
  }
}
