import { describe, expect, test } from 'vitest'
import { maintenanceStart } from './maintenanceNotice.js'

const now = Date.parse('2026-01-01T00:00:00Z')

describe('maintenanceStart', () => {
  test('default', () => {
    expect(
      maintenanceStart(
        [
          { start_time: '2026-01-02T00:00:00Z' },
          { starts_at: Date.parse('2026-01-01T06:00:00Z') / 1000 },
        ],
        now,
      ),
    ).toBe(Date.parse('2026-01-01T06:00:00Z'))
  })

  test('behavior: past starts, other fields and no notices give nothing', () => {
    expect(maintenanceStart(undefined, now)).toBeUndefined()
    expect(maintenanceStart([], now)).toBeUndefined()
    expect(
      maintenanceStart(
        [{ start: '2025-01-01T00:00:00Z', end: '2026-06-01T00:00:00Z' }],
        now,
      ),
    ).toBeUndefined()
  })
})
