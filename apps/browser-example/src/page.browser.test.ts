import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { type Browser, chromium } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const appDir = join(import.meta.dirname, '..')

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** Serves the built page from `dir` on loopback, any free port. */
async function staticServer(
  dir: string,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dir)) {
      res.writeHead(403).end()
      return
    }
    readFile(file).then(
      (content) => {
        res.writeHead(200, {
          'Content-Type':
            CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        })
        res.end(content)
      },
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return { server, origin: `http://127.0.0.1:${port}` }
}

describe.skipIf(!hasChromium)(
  `the browser example in headless Chromium (skipped when ${executablePath} is missing)`,
  () => {
    let simulator: Simulator
    let outDir: string
    let site: Awaited<ReturnType<typeof staticServer>>
    let browser: Browser

    beforeAll(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'browser-example-'))
      await build({
        configFile: join(appDir, 'vite.config.ts'),
        root: appDir,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      })
      simulator = await startSimulator({ seed: 3 })
      site = await staticServer(outDir)
      browser = await chromium.launch({
        executablePath,
        // Playwright's own 30 s default is short for a loaded machine.
        timeout: 120_000,
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
      await simulator?.close()
      await new Promise<void>((resolve) => site?.server.close(() => resolve()))
      if (outDir !== undefined) await rm(outDir, { recursive: true })
    })

    test('default: the built page shows live prices from the simulator', async () => {
      const page = await browser.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      const symbols = ['BTC/USD', 'ETH/USD']
      await page.goto(
        `${site.origin}/?url=${encodeURIComponent(simulator.publicUrl)}&symbols=${symbols.join(',')}`,
      )
      // Every row has a numeric last price once its ticker snapshot arrived.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-field="last"]')].every((cell) =>
            /^\d+(\.\d+)?$/.test(cell.textContent ?? ''),
          ),
        undefined,
        { timeout: 60_000 },
      )
      const rows = await page.$$eval('#tickers tr', (trs) =>
        trs.map((tr) => ({
          symbol: (tr as HTMLElement).dataset.symbol,
          last: tr.querySelector('[data-field="last"]')?.textContent,
          bid: tr.querySelector('[data-field="bid"]')?.textContent,
          ask: tr.querySelector('[data-field="ask"]')?.textContent,
          change: tr.querySelector('[data-field="change"]')?.textContent,
        })),
      )
      expect(rows.map((row) => row.symbol)).toEqual(symbols)
      for (const row of rows) {
        expect(Number(row.last)).toBeGreaterThan(0)
        expect(Number(row.bid)).toBeGreaterThan(0)
        expect(Number(row.ask)).toBeGreaterThanOrEqual(Number(row.bid))
        expect(row.change).toMatch(/^[+-]?\d+\.\d\d%$/)
      }
      expect(
        await page.$eval('#status', (el) => (el as HTMLElement).dataset.status),
      ).toBe('open')
      // The page, not this process, is the simulator's client.
      expect(simulator.stats.subscribes('ticker', 'BTC/USD')).toBe(1)
      expect(simulator.stats.openConnections).toBe(1)
      expect(problems).toEqual([])
      await page.close()
    })
  },
)
