import { catalogue } from '@kraken-sockets/desk'
import { expect, test } from 'vitest'
import { toolsOf } from './toolDefinitions.js'

test('default: one tool per catalogue operation, plus the kill switch', () => {
  const tools = toolsOf(catalogue)
  expect(tools.map((tool) => tool.name)).toEqual([
    ...catalogue.map((operation) => operation.name),
    'kill_switch',
  ])
})

test('behavior: hints and confirmation follow the operation, schemas are JSON Schema objects', () => {
  for (const operation of catalogue) {
    const tool = toolsOf([operation])[0]
    expect(tool?.annotations).toMatchObject({
      readOnlyHint: operation.readOnly,
      destructiveHint: operation.changesMoney,
      idempotentHint: operation.idempotent,
    })
    expect(tool?.inputSchema.type).toBe('object')
    expect(tool?.outputSchema?.type).toBe('object')
    expect('confirm' in ((tool?.inputSchema.properties ?? {}) as object)).toBe(
      operation.changesMoney,
    )
  }
  const place = toolsOf(catalogue).find((tool) => tool.name === 'place_order')
  // The pattern comes from the desk's valibot schema.
  expect(JSON.stringify(place?.inputSchema)).toContain('"pattern"')
  expect(place?.description).toContain('one-time code')
  // It names HTTP routes, so it says what they are over MCP.
  expect(place?.description).toContain('GET /status is the status tool')
  const book = toolsOf(catalogue).find((tool) => tool.name === 'book')
  expect(book?.description).not.toContain('Over MCP')
})
