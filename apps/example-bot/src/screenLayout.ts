/** A terminal's size in character cells. */
export interface ScreenSize {
  readonly columns: number
  readonly rows: number
}

/** What a terminal that does not say its size is taken to be. */
export const DEFAULT_SCREEN_SIZE: ScreenSize = { columns: 80, rows: 24 }

/**
 * One block of the screen: its heading lines always show (as long as the
 * screen has rows at all); its rows shrink when the terminal is short.
 */
export interface ScreenSection {
  /** Stable name, used by the shrink order. */
  readonly name: string
  readonly heading: readonly string[]
  readonly rows: readonly string[]
  /** Where rows are dropped from: the oldest activity is first ('start'), the deepest book level last ('end'). */
  readonly dropFrom: 'start' | 'end'
}

/**
 * When space runs short, rows are given up in this order: a step cuts the
 * named section down to `keep` rows; `'separators'` drops the blank lines
 * between sections (as many as needed). The activity log goes first, the
 * tickers last.
 */
const SHRINK_STEPS: readonly (
  | { readonly section: string; readonly keep: number }
  | 'separators'
)[] = [
  { section: 'activity', keep: 3 },
  { section: 'trades', keep: 2 },
  { section: 'book', keep: 2 },
  'separators',
  { section: 'activity', keep: 0 },
  { section: 'trades', keep: 0 },
  { section: 'book', keep: 1 },
  { section: 'tickers', keep: 1 },
]

/**
 * Lays the sections out to fit `size`: rows are dropped in
 * {@link SHRINK_STEPS} order until the lines fit the height, anything still
 * too tall is cut off at the bottom, and every line is cut one cell short of
 * the width (so that clearing to the end of a line never eats its last
 * character, and nothing wraps).
 */
export function fitScreen(
  sections: readonly ScreenSection[],
  size: ScreenSize,
): string[] {
  const rows = new Map(sections.map((s) => [s.name, [...s.rows]]))
  let separators = Math.max(0, sections.length - 1)
  const height = () =>
    sections.reduce(
      (sum, s) => sum + s.heading.length + (rows.get(s.name)?.length ?? 0),
      separators,
    )
  for (const step of SHRINK_STEPS) {
    const excess = height() - size.rows
    if (excess <= 0) break
    if (step === 'separators') {
      separators = Math.max(0, separators - excess)
      continue
    }
    const section = sections.find((s) => s.name === step.section)
    const kept = rows.get(step.section)
    if (section === undefined || kept === undefined) continue
    const cut = Math.min(excess, Math.max(0, kept.length - step.keep))
    if (section.dropFrom === 'start') kept.splice(0, cut)
    else kept.splice(kept.length - cut, cut)
  }
  const lines: string[] = []
  // The blank lines that are left stay between the last sections.
  const firstSeparated = sections.length - separators
  sections.forEach((section, index) => {
    if (index > 0 && index >= firstSeparated) lines.push('')
    lines.push(...section.heading, ...(rows.get(section.name) ?? []))
  })
  const width = Math.max(0, size.columns - 1)
  return lines
    .slice(0, Math.max(0, size.rows))
    .map((line) => cutToWidth(line, width))
}

/** The first `width` characters of `line` (by code point: `·` is one cell). */
function cutToWidth(line: string, width: number): string {
  const characters = [...line]
  return characters.length <= width ? line : characters.slice(0, width).join('')
}
