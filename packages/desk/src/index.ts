export { catalogue } from './catalogue/catalogue.js'
export type {
  AnySchema,
  CallContext,
  Operation,
  Scope,
} from './catalogue/operation.js'
export { defineOperation } from './catalogue/operation.js'
export { type ErrorBody, ErrorBodySchema } from './catalogue/schemas.js'
export { createDesk, type Desk, type DeskOptions } from './desk.js'
export {
  DeskConfigError,
  DeskError,
  type DeskErrorOptions,
  DeskInputError,
  DeskNotFoundError,
  DeskTimeoutError,
  RiskRefusedError,
  type RiskRule,
} from './errors.js'
export type {
  DeskEvent,
  DeskEventKind,
  EventLog,
  ReplayResult,
} from './events/eventLog.js'
export { createEventLog } from './events/eventLog.js'
export {
  createDeskApp,
  type DeskAppEnv,
  type DeskAppOptions,
  type DeskMount,
} from './http/app.js'
export { defaultDashboardDir, serveDashboard } from './http/dashboard.js'
export { type ErrorResponse, toErrorResponse } from './http/errorResponse.js'
export { buildOpenApi, type JsonObject } from './http/openapi.js'
export {
  type DeskTokens,
  defaultTokenFile,
  loadOrCreateTokens,
} from './http/tokens.js'
export {
  clOrdIdForKey,
  createIdempotencyCache,
  type IdempotencyCache,
} from './idempotency.js'
export {
  DEFAULT_RISK_POLICY,
  type DeskMode,
  type RiskPolicy,
  resolveRiskPolicy,
} from './risk/policy.js'
export {
  createRiskGate,
  type OrderIntent,
  type RiskContext,
  type RiskGate,
} from './risk/riskGate.js'
export {
  DESK_VERSION,
  type RunningDesk,
  type StartDeskOptions,
  startDesk,
} from './startDesk.js'
