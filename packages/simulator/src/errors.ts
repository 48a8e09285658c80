/** Base class of the simulator's errors. */
export class SimulatorError extends Error {
  override name = 'SimulatorError'
}

/** The simulator closed while something still waited on it. */
export class SimulatorClosedError extends SimulatorError {
  override name = 'SimulatorClosedError'
  constructor() {
    super('The simulator was closed.')
  }
}

/**
 * The `record` sink failed: recording stopped at the first failure, and
 * `close()` rejects with this error (its `cause` is the sink's error).
 */
export class RecordingError extends SimulatorError {
  override name = 'RecordingError'
  constructor(options: { cause: unknown }) {
    super(
      'Recording failed; frames after the failure were not recorded.',
      options,
    )
  }
}

/**
 * The live market (`market: { live }`) could not start: the upstream feed
 * was unreachable, refused a subscription, or sent no book snapshot in time.
 */
export class LiveMarketError extends SimulatorError {
  override name = 'LiveMarketError'
}

/** The paper account file (`paperAccount`) could not be read or written. */
export class PaperAccountError extends SimulatorError {
  override name = 'PaperAccountError'
}

/** The tape market (`market: { tape }`) could not read its tape. */
export class TapeMarketError extends SimulatorError {
  override name = 'TapeMarketError'
}
