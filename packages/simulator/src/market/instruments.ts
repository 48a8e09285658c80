/**
 * A tradable pair, with the `instrument` channel's field names. Decimal
 * fields are text, written on the wire exactly as given.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export type PairSpec = {
  readonly symbol: string
  readonly base: string
  readonly quote: string
  /** @default 'online' */
  readonly status?: string
  readonly price_precision: number
  readonly qty_precision: number
  readonly cost_precision: number
  readonly price_increment: string
  readonly qty_increment: string
  readonly qty_min: string
  readonly cost_min: string
  readonly marginable: boolean
  readonly has_index: boolean
  readonly margin_initial?: string
  readonly position_limit_long?: number
  readonly position_limit_short?: number
  /** The simulator's opening price (decimal text at `price_precision`). */
  readonly startPrice: string
  /** A typical level size in base units (decimal text); sizes vary around it. */
  readonly typicalQty: string
}

/**
 * An asset, with the `instrument` channel's field names.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export type AssetSpec = {
  readonly id: string
  readonly status: string
  readonly precision: number
  readonly precision_display: number
  readonly borrowable: boolean
  /** Decimal text, e.g. `"1.00"`. */
  readonly collateral_value: string
  /** Decimal text, e.g. `"0.025000"`. */
  readonly margin_rate: string
}

const pair = (
  symbol: string,
  price: [precision: number, increment: string],
  qtyMin: string,
  costMin: string,
  startPrice: string,
  typicalQty: string,
  extra: Partial<PairSpec> = {},
): PairSpec => {
  const [base = '', quote = ''] = symbol.split('/')
  return {
    symbol,
    base,
    quote,
    status: 'online',
    price_precision: price[0],
    qty_precision: 8,
    cost_precision: 5,
    price_increment: price[1],
    qty_increment: '0.00000001',
    qty_min: qtyMin,
    cost_min: costMin,
    marginable: true,
    has_index: true,
    startPrice,
    typicalQty,
    ...extra,
  }
}

/** The pairs the simulator trades by default, with Kraken's precisions. */
export const DEFAULT_PAIRS: readonly PairSpec[] = Object.freeze([
  pair('BTC/USD', [1, '0.1'], '0.00005000', '0.50', '65000.0', '0.50000000', {
    margin_initial: '0.20',
    position_limit_long: 250,
    position_limit_short: 200,
  }),
  pair('ETH/USD', [2, '0.01'], '0.00200000', '0.50', '3200.00', '4.00000000', {
    margin_initial: '0.20',
    position_limit_long: 2000,
    position_limit_short: 1500,
  }),
  pair('SOL/USD', [2, '0.01'], '0.02000000', '0.50', '150.00', '40.00000000', {
    margin_initial: '0.20',
    position_limit_long: 20000,
    position_limit_short: 15000,
  }),
  pair(
    'XRP/USD',
    [5, '0.00001'],
    '2.00000000',
    '0.50',
    '0.52000',
    '5000.00000000',
    {
      margin_initial: '0.20',
      position_limit_long: 2000000,
      position_limit_short: 1500000,
    },
  ),
  pair(
    'ETH/BTC',
    [5, '0.00001'],
    '0.00200000',
    '0.00002',
    '0.04900',
    '3.00000000',
    {
      cost_precision: 10,
      margin_initial: '0.20',
      position_limit_long: 1000,
      position_limit_short: 600,
    },
  ),
  pair(
    'ALGO/USD',
    [5, '0.00001'],
    '5.00000000',
    '0.50',
    '0.15000',
    '8000.00000000',
    {
      marginable: false,
    },
  ),
  pair(
    'MATIC/USD',
    [4, '0.0001'],
    '4.50000000',
    '0.50',
    '0.5660',
    '9000.00000000',
    {
      marginable: false,
    },
  ),
  pair(
    'EUR/USD',
    [5, '0.00001'],
    '0.50000000',
    '0.50',
    '1.08000',
    '1000.00000000',
    {
      marginable: false,
    },
  ),
])

/** The assets of {@link DEFAULT_PAIRS}. */
export const DEFAULT_ASSETS: readonly AssetSpec[] = Object.freeze(
  [
    ['USD', 4, 2, '1.00', '0.025000'],
    ['EUR', 4, 2, '1.00', '0.020000'],
    ['BTC', 10, 5, '1.00', '0.010000'],
    ['ETH', 10, 5, '1.00', '0.020000'],
    ['SOL', 10, 5, '0.70', '0.030000'],
    ['XRP', 8, 5, '0.90', '0.020000'],
    ['ALGO', 8, 5, '0.00', '0.040000'],
    ['MATIC', 10, 5, '0.00', '0.040000'],
  ].map(([id, precision, display, collateral, margin]) => ({
    id: String(id),
    status: 'enabled',
    precision: Number(precision),
    precision_display: Number(display),
    borrowable: true,
    collateral_value: String(collateral),
    margin_rate: String(margin),
  })),
)
