/** Base class of every error `@kraken-sockets/indicators` throws. */
export class IndicatorsError extends Error {
  override name = 'IndicatorsError'
  /** One sentence, without the details. */
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(
    shortMessage: string,
    options: { details?: string; cause?: unknown } = {},
  ) {
    super(
      options.details === undefined
        ? shortMessage
        : `${shortMessage}\n\nDetails: ${options.details}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }
}

/** An indicator factory was given an unusable option (a period of 0, a negative window). */
export class IndicatorOptionsError extends IndicatorsError {
  override name = 'IndicatorOptionsError'
  /** The option at fault. */
  readonly option: string

  constructor({ option, details }: { option: string; details: string }) {
    super(`Invalid indicator option "${option}".`, { details })
    this.option = option
  }
}

/** One problem found in a condition definition, with where it is. */
export interface ConditionIssue {
  /** Dotted path into the definition (`"when.value"`), or `""` for the root. */
  readonly path: string
  readonly message: string
}

/**
 * A condition definition failed validation. `issues` lists every problem;
 * the valibot error, when there is one, is the `cause`.
 */
export class ConditionDefinitionError extends IndicatorsError {
  override name = 'ConditionDefinitionError'
  /** The definition's `id`, when it had a readable one. */
  readonly conditionId: string | undefined
  readonly issues: readonly ConditionIssue[]

  constructor({
    conditionId,
    issues,
    cause,
  }: {
    conditionId: string | undefined
    issues: readonly ConditionIssue[]
    cause?: unknown
  }) {
    super(
      `Invalid condition${conditionId === undefined ? '' : ` "${conditionId}"`}.`,
      {
        details: issues
          .map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.message}`)
          .join('; '),
        cause,
      },
    )
    this.conditionId = conditionId
    this.issues = issues
  }
}

/** A second condition was added with an `id` the engine already holds. */
export class DuplicateConditionError extends IndicatorsError {
  override name = 'DuplicateConditionError'
  readonly conditionId: string

  constructor(conditionId: string) {
    super(`A condition with id "${conditionId}" already exists.`)
    this.conditionId = conditionId
  }
}

/** The feed was asked to track a name it already tracks. */
export class DuplicateSeriesError extends IndicatorsError {
  override name = 'DuplicateSeriesError'
  readonly seriesName: string

  constructor(seriesName: string) {
    super(`A series named "${seriesName}" is already tracked.`)
    this.seriesName = seriesName
  }
}
