// TypeDoc plugin: drop TypeDoc's "has multiple declarations with a comment"
// warning when every declaration it lists is the same line of the same file.
//
// valibot's inferred object types give a property symbol the same declaration
// twice, and TypeDoc 0.28 does not deduplicate them (the class of bug of
// TypeStrong/typedoc#2358 and #2437), so each documented field of a schema
// would warn although it has exactly one comment. Real conflicts, two
// different comments for one symbol, still warn and still fail the build.

const DUPLICATE_WARNING = /has multiple declarations with a comment/
const LOCATIONS_INFO = /^(?:\S+ )?The comments for .+ are declared at:\n/

/** @param {unknown} text */
function sameLocationEverywhere(text) {
  const locations = String(text)
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return locations.length > 1 && new Set(locations).size === 1
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  const { logger } = app
  const warn = logger.warn.bind(logger)
  const info = logger.info.bind(logger)
  const error = logger.error.bind(logger)
  const verbose = logger.verbose.bind(logger)
  /** @type {unknown[] | undefined} */
  let held

  function flush() {
    if (held === undefined) return
    const args = held
    held = undefined
    warn(...args)
  }

  logger.warn = (...args) => {
    flush()
    if (DUPLICATE_WARNING.test(String(args[0]))) held = args
    else warn(...args)
  }
  logger.info = (text) => {
    if (held !== undefined && LOCATIONS_INFO.test(String(text))) {
      if (sameLocationEverywhere(text)) {
        held = undefined
        return
      }
      flush()
    }
    flush()
    info(text)
  }
  logger.error = (...args) => {
    flush()
    error(...args)
  }
  logger.verbose = (text) => {
    flush()
    verbose(text)
  }
}
