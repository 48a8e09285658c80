const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

type JsonObject = Record<string, unknown>

/**
 * Renders the OpenAPI document as a self-contained HTML page (no script,
 * no external asset): one section per route with its description, flags
 * and schemas.
 */
export function renderReference(document: JsonObject): string {
  const paths = (document.paths ?? {}) as Record<
    string,
    Record<string, JsonObject>
  >
  const sections: string[] = []
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const flags = [
        'x-scope',
        'x-read-only',
        'x-changes-money',
        'x-idempotent',
      ]
        .filter((key) => key in op)
        .map(
          (key) =>
            `<span class="flag">${escapeHtml(key.slice(2))}: ${escapeHtml(String(op[key]))}</span>`,
        )
        .join(' ')
      const body = op.requestBody as
        | { content?: Record<string, { schema?: unknown }> }
        | undefined
      const input = body?.content?.['application/json']?.schema ?? op.parameters
      const responses = op.responses as Record<
        string,
        { content?: Record<string, { schema?: unknown }> }
      >
      const output = responses?.['200']?.content?.['application/json']?.schema
      sections.push(`<section id="${escapeHtml(String(op.operationId))}">
<h2><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code> ${escapeHtml(String(op.summary ?? ''))}</h2>
<p>${escapeHtml(String(op.description ?? ''))}</p>
<p>${flags}</p>
${input === undefined ? '' : `<details><summary>Input</summary><pre>${escapeHtml(JSON.stringify(input, null, 2))}</pre></details>`}
${output === undefined ? '' : `<details><summary>Output</summary><pre>${escapeHtml(JSON.stringify(output, null, 2))}</pre></details>`}
</section>`)
    }
  }
  const info = document.info as
    | { title?: string; description?: string }
    | undefined
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info?.title ?? 'API')} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f6f6f6;padding:.5rem;overflow:auto}
.flag{font-size:12px;background:#eef;border-radius:3px;padding:0 .3rem}</style></head>
<body><h1>${escapeHtml(info?.title ?? 'API')} reference</h1><p>${escapeHtml(info?.description ?? '')}</p>
<p>Every route but <code>GET /health</code> needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>
${sections.join('\n')}
</body></html>
`
}
