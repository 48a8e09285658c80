import { stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { auditLines, tempFolder } from '../testing/clients.js'
import { openAuditLog } from './auditLog.js'

const folders: Awaited<ReturnType<typeof tempFolder>>[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await folder.remove()
})

async function path() {
  const folder = await tempFolder()
  folders.push(folder)
  return join(folder.path, 'nested', 'audit.jsonl')
}

test('default: lines are appended in call order, timestamped, file mode 0600', async () => {
  const file = await path()
  const log = await openAuditLog(file, () => new Date(Date.UTC(2026, 0, 2)))
  await Promise.all([
    log.append({
      tool: 'place_order',
      mode: 'paper',
      args: {},
      outcome: 'sending',
    }),
    log.append({
      tool: 'place_order',
      mode: 'paper',
      args: {},
      outcome: 'done',
    }),
  ])
  await log.close()
  expect(await auditLines(file)).toEqual([
    {
      at: '2026-01-02T00:00:00.000Z',
      tool: 'place_order',
      mode: 'paper',
      args: {},
      outcome: 'sending',
    },
    {
      at: '2026-01-02T00:00:00.000Z',
      tool: 'place_order',
      mode: 'paper',
      args: {},
      outcome: 'done',
    },
  ])
  expect((await stat(file)).mode & 0o777).toBe(0o600)
})

test('behavior: reopening appends; earlier lines stay', async () => {
  const file = await path()
  const first = await openAuditLog(file)
  await first.append({
    tool: 'cancel_all',
    mode: 'paper',
    args: {},
    outcome: 'done',
  })
  await first.close()
  const second = await openAuditLog(file)
  await second.append({
    tool: 'kill_switch',
    mode: 'paper',
    args: {},
    outcome: 'done',
  })
  await second.close()
  expect((await auditLines(file)).map((line) => line.tool)).toEqual([
    'cancel_all',
    'kill_switch',
  ])
})

test('behavior: fields named like secrets never reach the file', async () => {
  const file = await path()
  const log = await openAuditLog(file)
  await log.append({
    tool: 'place_order',
    mode: 'live',
    args: {
      symbol: 'BTC/USD',
      token: 'WS-TOKEN',
      nested: { apiKey: 'K', privateKey: 'P' },
    },
    confirmedBy: 'code',
    outcome: 'done',
  })
  await log.close()
  const text = JSON.stringify(await auditLines(file))
  for (const secret of ['WS-TOKEN', '"K"', '"P"'])
    expect(text).not.toContain(secret)
  expect(await auditLines(file)).toEqual([
    expect.objectContaining({
      args: { symbol: 'BTC/USD', nested: {} },
      confirmedBy: 'code',
    }),
  ])
})

test('error: an unopenable path is an AuditLogError', async () => {
  const file = await path()
  const log = await openAuditLog(file)
  await log.close()
  // A file where the folder should be.
  await writeFile(join(file, '..', 'blocker'), 'x')
  await expect(
    openAuditLog(join(file, '..', 'blocker', 'audit.jsonl')),
  ).rejects.toMatchObject({
    name: 'AuditLogError',
  })
})
