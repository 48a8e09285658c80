import { parseArgs } from 'node:util'
import { benches } from './benches/index.js'
import { formatReport } from './runner/report.js'
import { modulePath, runBenches, runChild } from './runner/run.js'

// pnpm --filter bench bench [name-filter...] [--processes 5] [--json]
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    child: { type: 'string' },
    options: { type: 'string' },
    processes: { type: 'string' },
    json: { type: 'boolean' },
  },
})

if (values.child !== undefined) {
  runChild(benches, values.child, JSON.parse(values.options ?? '{}'))
} else {
  const selected = benches.filter(
    (b) =>
      positionals.length === 0 || positionals.some((p) => b.name.includes(p)),
  )
  const started = Date.now()
  const reports = runBenches(selected, {
    entry: modulePath(import.meta.url),
    processes: Number(values.processes ?? 5),
  })
  if (values.json) console.log(JSON.stringify(reports, null, 2))
  else for (const report of reports) console.log(formatReport(report))
  console.log(
    `node ${process.version}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
}
