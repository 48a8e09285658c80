// Character-level helpers shared by the scanners that read exact number
// literals out of a frame's text (book levels, level3 orders).

/** The char codes of `literal`: comparing codes beats `startsWith` here. */
export function codes(literal: string): number[] {
  return Array.from(literal, (c) => c.charCodeAt(0))
}

/** Whether `text` holds the characters `literal` at `at`. */
export function hasAt(text: string, at: number, literal: number[]): boolean {
  for (let i = 0; i < literal.length; i++)
    if (text.charCodeAt(at + i) !== literal[i]) return false
  return true
}

/** Where the JSON number literal starting at `start` ends. */
export function numberEnd(text: string, start: number): number {
  let end = start
  for (;;) {
    const c = text.charCodeAt(end)
    // digits, '.', '-', '+', 'e', 'E': the characters of a JSON number
    if (
      (c >= 48 && c <= 57) ||
      c === 46 ||
      c === 45 ||
      c === 43 ||
      c === 101 ||
      c === 69
    )
      end++
    else return end
  }
}

/** Character codes the scanners compare against. */
export const QUOTE = 34
/** `,` */
export const COMMA = 44
/** `-` */
export const MINUS = 45
/** `.` */
export const DOT = 46
/** `0` */
export const DIGIT_0 = 48
/** `9` */
export const DIGIT_9 = 57
/** `:` */
export const COLON = 58
/** `[` */
export const OPEN_BRACKET = 91
/** A backslash. */
export const BACKSLASH = 92
/** `]` */
export const CLOSE_BRACKET = 93
/** `{` */
export const OPEN_BRACE = 123
/** `}` */
export const CLOSE_BRACE = 125
const BIDS_OPEN = codes('"bids":[')
const ASKS_OPEN = codes('"asks":[')

/** What comes before an object that opens at `open`, see {@link placeOf}. */
export const FIRST_BID = 0
/** The object opens the asks: `"asks":[{`. */
export const FIRST_ASK = 1
/** The object follows another one in the same list: `},{`. */
export const NEXT_IN_LIST = 2

/**
 * Where the object whose `{` is at `open` sits: first of a `"bids"` or
 * `"asks"` list, after another object in a list, or elsewhere (`-1`).
 */
export function placeOf(text: string, open: number): number {
  const before = text.charCodeAt(open - 1)
  if (before === OPEN_BRACKET) {
    const keyAt = open - BIDS_OPEN.length
    if (hasAt(text, keyAt, BIDS_OPEN)) return FIRST_BID
    if (hasAt(text, keyAt, ASKS_OPEN)) return FIRST_ASK
    return -1
  }
  return before === COMMA && text.charCodeAt(open - 2) === CLOSE_BRACE
    ? NEXT_IN_LIST
    : -1
}

/**
 * Where the JSON string whose content starts at `start` (just after its
 * opening quote) closes: the index of the closing quote, or -1 when it holds
 * an escape or a control character (or never closes), which only
 * `JSON.parse` reads correctly.
 */
export function stringEnd(text: string, start: number): number {
  for (let at = start; ; at++) {
    const c = text.charCodeAt(at)
    if (c === QUOTE) return at
    // `!(c >= 32)` also stops at the end of the text, where `c` is NaN.
    if (!(c >= 32) || c === BACKSLASH) return -1
  }
}
