export { behindGateway } from './client/behindGateway.js'
export type { LagEvent } from './client/feed.js'
export {
  type NatsTransportOptions,
  natsTransport,
} from './client/natsTransport.js'
export {
  GatewayConfigError,
  GatewayError,
  type GatewayErrorOptions,
  GatewayRequestError,
  GatewayUnavailableError,
} from './errors.js'
export type { AckFrame } from './gateway/acks.js'
export {
  DEMAND_CHANNELS,
  type DemandFrame,
  readDemandFrame,
} from './gateway/demand.js'
export type { StreamRetention } from './gateway/ensureStream.js'
export type { LeaseOptions } from './gateway/leases.js'
export type { GatewayOptions, GatewayStats } from './gateway/options.js'
export type { PrivateAnswer } from './gateway/privateDemand.js'
export {
  CHANNEL_HEADER,
  PRIVATE_CHANNELS,
  type PrivateReplay,
} from './gateway/privateRelay.js'
export { type Gateway, startGateway } from './gateway/startGateway.js'
export {
  EPOCH_HEADER,
  type HeaderReader,
  KIND_HEADER,
  type MessageKind,
  readWireHeaders,
  SEQ_HEADER,
  type WireHeaders,
} from './wire/headers.js'
export { type FramePart, splitFrame } from './wire/splitFrame.js'
export {
  controlSubjects,
  DEFAULT_ACCOUNT,
  DEFAULT_PREFIX,
  DEFAULT_STREAM,
  dataSubject,
  privateSubjects,
  snapshotSubject,
  subjectChannel,
  symbolToken,
} from './wire/subjects.js'
