import {
  DiscardPolicy,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream'

/** Retention of the stream a gateway creates. */
export interface StreamRetention {
  /** Where JetStream keeps messages. @default 'file' */
  storage?: 'file' | 'memory' | undefined
  /** Oldest message kept (ms). @default 3_600_000 (one hour) */
  maxAge?: number | undefined
  /** Most bytes kept; older messages go first. @default 1 GiB */
  maxBytes?: number | undefined
  /** Cluster replicas. @default 1 */
  replicas?: number | undefined
}

/**
 * Creates the stream over `<prefix>.>`, or updates an existing one so that
 * rollup headers (the kept snapshots) and direct gets are allowed (its
 * storage and replicas stay as they are).
 */
export async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  prefix: string,
  retention: StreamRetention,
): Promise<void> {
  const config: Partial<StreamConfig> & { name: string } = {
    name,
    subjects: [`${prefix}.>`],
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    storage:
      retention.storage === 'memory' ? StorageType.Memory : StorageType.File,
    max_age: (retention.maxAge ?? 3_600_000) * 1_000_000,
    max_bytes: retention.maxBytes ?? 1024 ** 3,
    num_replicas: retention.replicas ?? 1,
    allow_rollup_hdrs: true,
    allow_direct: true,
  }
  try {
    const info = await jsm.streams.info(name)
    // Storage and replicas cannot change in place: an existing stream keeps its own.
    const { storage: _storage, num_replicas: _replicas, ...changeable } = config
    await jsm.streams.update(name, { ...info.config, ...changeable })
  } catch (error) {
    if (!isStreamNotFound(error)) throw error
    await jsm.streams.add(config)
  }
}

function isStreamNotFound(error: unknown): boolean {
  const code = (error as { api_error?: { err_code?: number } })?.api_error
    ?.err_code
  return (
    code === 10059 ||
    /stream not found/i.test(String((error as Error)?.message))
  )
}
