/**
 * The dashboard in headless Chromium against a desk on the simulator: it is
 * built with Vite into a temporary folder, opened after /login, and must show
 * prices and the verified book, an alert that fires, and an order placed
 * from the page in paper mode.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)

describe.skipIf(!hasChromium)(
  `the dashboard in headless Chromium (skipped when ${executablePath} is missing)`,
  () => {
    let folder: string
    let t: TestDesk
    let browser: Awaited<ReturnType<typeof chromium.launch>>

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'kraken-desk-dashboard-'))
      await build({
        configFile: join(import.meta.dirname, '../../dashboard/vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: folder, emptyOutDir: true },
      })
      t = await startTestDesk({ dashboardDir: folder })
      browser = await chromium.launch({
        executablePath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
    })

    afterAll(async () => {
      await browser?.close()
      await t?.close()
      if (folder !== undefined)
        await rm(folder, { recursive: true, force: true })
    })

    test('default: prices, the book, an alert and an order placed from the page', async () => {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 900 },
      })
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(String(error)))
      await page.goto(
        `${t.running.url}/login?token=${t.tokens.read}&next=dashboard`,
      )
      expect(new URL(page.url()).pathname).toBe('/dashboard/')
      await page
        .getByTestId('mode')
        .filter({ hasText: 'paper mode' })
        .waitFor({ timeout: 20_000 })

      // Prices and the verified book.
      await page
        .locator('[data-testid="tickers"] tr[data-symbol="BTC/USD"]')
        .waitFor({ timeout: 20_000 })
      await page
        .getByTestId('book-state')
        .filter({ hasText: 'in sync' })
        .waitFor({ timeout: 20_000 })
      await page.waitForFunction(
        () => Number(document.getElementById('depth')?.dataset.levels) > 10,
        undefined,
        { timeout: 20_000 },
      )
      expect(await page.locator('#depth canvas').count()).toBeGreaterThan(0)

      // An alert fires (the condition is added through the API, as a program would).
      const added = await t.call('/conditions', {
        method: 'POST',
        body: JSON.stringify({
          id: 'dash-alert',
          on: 'BTC/USD:book.mid',
          op: 'gt',
          value: 1,
          mode: 'once',
        }),
      })
      expect(added.status).toBe(200)
      await page
        .locator('[data-testid="alerts"] li[data-condition="dash-alert"]')
        .waitFor({ timeout: 20_000 })

      // An order placed from the page (paper mode) shows up among the open orders.
      const book = (await (await t.call('/book?symbol=BTC/USD')).json()) as {
        mid: number
      }
      await page.fill('#token', t.tokens.trade)
      await page.fill('#order-qty', '0.001')
      await page.fill('#order-price', (book.mid * 0.98).toFixed(1))
      await page.click('#order-form button[type="submit"]')
      await page
        .getByTestId('order-result')
        .filter({ hasText: 'placed' })
        .waitFor({ timeout: 20_000 })
      const placed = (
        (await page.getByTestId('order-result').textContent()) ?? ''
      )
        .replace('placed ', '')
        .trim()
      expect(placed).not.toBe('')
      await page
        .locator(`[data-testid="orders"] tr[data-order-id="${placed}"]`)
        .waitFor({ timeout: 20_000 })
      expect(t.simulator.stats.requests({ method: 'add_order' })).toHaveLength(
        1,
      )

      if (process.env.DESK_SCREENSHOT !== undefined) {
        await page.screenshot({
          path: process.env.DESK_SCREENSHOT,
          fullPage: true,
        })
      }
      expect(errors).toEqual([])
      await page.close()
    }, 120_000)
  },
)
