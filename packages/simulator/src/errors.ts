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
