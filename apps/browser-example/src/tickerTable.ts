import type {
  TickerSnapshotResponse,
  TickerUpdateResponse,
} from '@kraken-sockets/runtime'

/** Renders tickers into a `<tbody>`: one row per symbol, updated in place. */
export interface TickerTable {
  update(value: TickerSnapshotResponse | TickerUpdateResponse): void
}

const COLUMNS = ['last', 'bid', 'ask', 'change'] as const

/**
 * A table body with one row per symbol (`data-symbol`), each cell marked
 * with `data-field` so a test or a stylesheet can find it.
 */
export function createTickerTable(
  body: HTMLTableSectionElement,
  symbols: readonly string[],
): TickerTable {
  const rows = new Map<string, Map<string, HTMLTableCellElement>>()
  for (const symbol of symbols) {
    const row = body.ownerDocument.createElement('tr')
    row.dataset.symbol = symbol
    const name = row.insertCell()
    name.textContent = symbol
    const cells = new Map<string, HTMLTableCellElement>()
    for (const column of COLUMNS) {
      const cell = row.insertCell()
      cell.dataset.field = column
      cell.textContent = '…'
      cells.set(column, cell)
    }
    rows.set(symbol, cells)
    body.append(row)
  }
  return {
    update(value) {
      const cells = rows.get(value.symbol)
      if (cells === undefined) return
      const sign = value.change_pct > 0 ? '+' : ''
      const text: Record<(typeof COLUMNS)[number], string> = {
        last: String(value.last),
        bid: String(value.bid),
        ask: String(value.ask),
        change: `${sign}${value.change_pct.toFixed(2)}%`,
      }
      for (const column of COLUMNS) {
        const cell = cells.get(column)
        if (cell !== undefined) cell.textContent = text[column]
      }
    },
  }
}
