/** Base class of every error this package throws. */
export class TapeError extends Error {
  override name = 'TapeError'
}

/** A tape file that does not follow the format (with the line when known). */
export class TapeFormatError extends TapeError {
  override name = 'TapeFormatError'
  /** The file, when known. */
  readonly file: string | undefined
  /** The 1-based line, when known. */
  readonly line: number | undefined
  constructor(
    reason: string,
    options: { file?: string; line?: number; cause?: unknown } = {},
  ) {
    const where =
      options.file === undefined
        ? ''
        : ` (${options.file}${options.line === undefined ? '' : `:${options.line}`})`
    super(`Invalid tape${where}: ${reason}.`, { cause: options.cause })
    this.file = options.file
    this.line = options.line
  }
}

/** A writer used after `close()`, or a write that failed on disk. */
export class TapeWriteError extends TapeError {
  override name = 'TapeWriteError'
}
