import { INVALID_SESSION } from '../authHook.js'
import type { SimulatorContext } from '../context.js'
import type { Params } from '../exchange/params.js'
import { ackDelayOf, takeDroppedAnswer } from '../faults/types.js'
import type { JsonValue } from '../json/encodeJson.js'
import { INVALID_ARGUMENTS, UNSUPPORTED_EVENT } from '../methods/errors.js'
import { PING_PARAMS_ERROR } from '../methods/ping.js'
import type { MethodContext } from '../methods/types.js'
import { TRADING_METHODS, wrongHostError } from '../server/endpoints.js'
import { redactParams } from '../stats/stats.js'
import { readReqId, responseEnvelope } from './envelope.js'
import type { Session } from './session.js'
import { rfc3339 } from './time.js'
import type { RequestFrame } from './types.js'

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function symbolsOf(params: Params | undefined): string[] {
  const symbol = params?.symbol
  return Array.isArray(symbol)
    ? symbol.filter((s): s is string => typeof s === 'string')
    : []
}

/** Handles one text frame from a client: logs it, then answers it. */
export function handleRequest(
  session: Session,
  text: string,
  context: SimulatorContext,
): void {
  const timeIn = context.now()
  const parsed = parseObject(text)
  const method = typeof parsed?.method === 'string' ? parsed.method : undefined
  const rawParams = parsed?.params
  const params =
    rawParams !== null &&
    typeof rawParams === 'object' &&
    !Array.isArray(rawParams)
      ? (rawParams as Params)
      : undefined
  const reqId = parsed === undefined ? undefined : readReqId(parsed)
  context.stats.recordRequest({
    connection: session.id,
    endpoint: session.endpoint,
    method: method ?? '(invalid)',
    channel: typeof params?.channel === 'string' ? params.channel : undefined,
    symbols: symbolsOf(params),
    reqId,
    at: timeIn,
    params: redactParams(rawParams),
  })
  const frame: RequestFrame = {
    method: method ?? '',
    ...(params === undefined ? {} : { params }),
    ...(reqId === undefined ? {} : { req_id: reqId }),
  }
  const hasParams = parsed !== undefined && 'params' in parsed
  const process = () =>
    answer(session, frame, hasParams, timeIn, context, method === undefined)
  // Faults: a lost answer, or a delay of the answer only or of both.
  const faults = session.faults
  const delay = ackDelayOf(faults, frame.method)
  const run = () => {
    if (takeDroppedAnswer(faults, frame.method))
      session.answering('drop', 0, process)
    else if (delay.ms > 0 && delay.hold === 'answer')
      session.answering('hold', delay.ms, process)
    else process()
  }
  if (delay.ms > 0 && delay.hold === 'both')
    context.timers.timeout(run, delay.ms)
  else run()
}

function answer(
  session: Session,
  frame: RequestFrame,
  hasParams: boolean,
  timeIn: number,
  context: SimulatorContext,
  unreadable: boolean,
): void {
  if (
    !unreadable &&
    session.handlers.some((handler) => handler.handle(frame, timeIn))
  )
    return
  const respond = (response: JsonValue) => session.sendJson(response, true)
  const fail = (
    error: string,
    extra: Readonly<Record<string, JsonValue>> = {},
  ) =>
    respond(
      responseEnvelope(frame.method, frame.req_id, timeIn, context.now(), {
        error,
        success: false,
        ...extra,
      }),
    )
  const definition = unreadable ? undefined : context.methods.get(frame.method)
  if (definition === undefined) {
    if (unreadable)
      respond({
        error: UNSUPPORTED_EVENT,
        ...(frame.req_id === undefined ? {} : { req_id: frame.req_id }),
        success: false,
        time_in: rfc3339(timeIn),
        time_out: rfc3339(context.now()),
      })
    else
      fail(
        TRADING_METHODS.has(frame.method) && !session.serves.has('private')
          ? wrongHostError('private')
          : UNSUPPORTED_EVENT,
      )
    return
  }
  if (!definition.serves.some((kind) => session.serves.has(kind))) {
    fail(wrongHostError(definition.serves[0] ?? 'private'))
    return
  }
  let account: string | undefined
  if (definition.requiresToken === true) {
    const token = frame.params?.token
    const decision =
      typeof token === 'string'
        ? context.auth({
            token,
            endpoint: session.endpoint,
            connection: session.id,
            method: frame.method,
          })
        : { ok: false as const, error: INVALID_SESSION }
    if (!decision.ok) {
      fail(decision.error)
      return
    }
    account = decision.account
  }
  const methodContext: MethodContext = {
    frame,
    session,
    simulator: context,
    timeIn,
    account,
    reply: (result, extra = {}) =>
      respond(
        responseEnvelope(frame.method, frame.req_id, timeIn, context.now(), {
          ...(result === undefined ? {} : { result }),
          success: true,
          ...extra,
        }),
      ),
    fail,
    respond,
  }
  if (hasParams && frame.params === undefined) {
    fail(frame.method === 'ping' ? PING_PARAMS_ERROR : INVALID_ARGUMENTS)
    return
  }
  definition.handle(methodContext)
}
