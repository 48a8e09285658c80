import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type ScriptedServer,
  STATUS_FRAME,
  startScriptedServer,
} from '../testing/scriptedServer.js'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const srcDir = join(import.meta.dirname, '..')

/** Serves the page and the package's sources, transpiled to JS on request. */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<!doctype html><title>transport</title>')
      return
    }
    const file = normalize(
      join(srcDir, path.replace(/^\/src\//, '').replace(/\.js$/, '.ts')),
    )
    if (
      !path.startsWith('/src/') ||
      !file.startsWith(srcDir) ||
      !existsSync(file)
    ) {
      res.writeHead(404)
      res.end()
      return
    }
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
    })
    res.writeHead(200, { 'Content-Type': 'text/javascript' })
    res.end(outputText)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return { server, origin: `http://127.0.0.1:${port}` }
}

describe.skipIf(!hasChromium)(
  `webSocket() in headless Chromium (skipped when ${executablePath} is missing)`,
  () => {
    let kraken: ScriptedServer
    let page: Awaited<ReturnType<typeof pageServer>>
    let browser: Awaited<ReturnType<typeof chromium.launch>>

    beforeAll(async () => {
      kraken = await startScriptedServer()
      page = await pageServer()
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
      await kraken?.close()
      await new Promise<void>((resolve) => page?.server.close(() => resolve()))
    })

    test('default', async () => {
      const tab = await browser.newPage()
      await tab.goto(page.origin)
      // Written as text: vitest rewrites import() inside test functions.
      const result = (await tab.evaluate(`(async () => {
        const { webSocket } = await import('/src/index.js')
        const transport = webSocket({ reconnect: { random: () => 0 } })({ url: ${JSON.stringify(kraken.url)} })
        const frames = []
        transport.on('message', (text) => frames.push(text))
        await transport.connect()
        const id = transport.requestIds.next()
        transport.send('{"method":"ping","req_id":' + id + '}')
        while (!frames.some((f) => f.includes('"pong"')))
          await new Promise((r) => setTimeout(r, 10))
        const status = transport.status
        await transport.close()
        return { name: transport.name, frames, status, id }
      })()`)) as { name: string; frames: string[]; status: string; id: number }
      expect(result.name).toBe('webSocket')
      expect(result.status).toBe('open')
      expect(result.frames[0]).toBe(STATUS_FRAME)
      expect(JSON.parse(result.frames[1] ?? '{}')).toMatchObject({
        method: 'pong',
        req_id: result.id,
      })
      expect(kraken.received).toContain(
        `{"method":"ping","req_id":${result.id}}`,
      )
      await tab.close()
    })

    test('behavior: a server close reconnects in the browser', async () => {
      const tab = await browser.newPage()
      await tab.goto(page.origin)
      const before = kraken.sockets.length
      await tab.evaluate(`(async () => {
        const { webSocket } = await import('/src/index.js')
        const transport = webSocket({ reconnect: { random: () => 0 } })({ url: ${JSON.stringify(kraken.url)} })
        globalThis.opens = []
        globalThis.transport = transport
        transport.on('open', (event) => globalThis.opens.push(event.isReconnect))
        await transport.connect()
      })()`)
      const socket = kraken.sockets[kraken.sockets.length - 1]
      expect(kraken.sockets.length).toBe(before + 1)
      socket?.close(1012, 'maintenance')
      await tab.waitForFunction(
        () =>
          (globalThis as unknown as { opens: boolean[] }).opens.length === 2,
        undefined,
        { timeout: 60_000 },
      )
      expect(
        await tab.evaluate(
          () => (globalThis as unknown as { opens: boolean[] }).opens,
        ),
      ).toEqual([false, true])
      expect(kraken.sockets.length).toBe(before + 2)
      await tab.evaluate(() =>
        (
          globalThis as unknown as { transport: { close(): Promise<void> } }
        ).transport.close(),
      )
      await tab.close()
    })
  },
)
