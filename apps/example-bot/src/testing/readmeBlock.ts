import { type ChildProcess, spawn } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** This app depends on the runtime and the simulator, so a README block's imports resolve from here. */
const appDir = join(import.meta.dirname, '..', '..')
const readmePath = join(appDir, '..', '..', 'README.md')

/**
 * The first TypeScript block under the README heading `heading` (the
 * heading's text after `## `).
 */
export function readmeBlock(heading: string): string {
  const readme = readFileSync(readmePath, 'utf8')
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(
    `^## ${escaped}\\n[\\s\\S]*?^\`\`\`ts\\n([\\s\\S]*?)^\`\`\``,
    'm',
  ).exec(readme)
  if (match?.[1] === undefined)
    throw new Error(`README has no ts block under ## ${heading}`)
  return match[1]
}

/** A README block running as a program. */
export interface BlockRun {
  readonly child: ChildProcess
  /** Resolves once stdout matches every pattern; rejects if the program exits first. */
  waitFor(...patterns: RegExp[]): Promise<void>
  /** Resolves with the exit code (or signal name) and everything printed. */
  readonly exited: Promise<{
    code: number | string
    stdout: string
    stderr: string
  }>
}

/**
 * Runs `code` as an ES module (`.mts`) with plain node and tsx's loader, the
 * workspace packages resolved to their sources, with `env` as its whole
 * environment. The file lives in a temp folder whose `node_modules` links
 * to this app's, so its imports resolve as in the app; the folder is
 * removed when the program exits. (Not the `tsx` command: it relays a
 * signal again when the program does not answer within 30 ms, which a
 * loaded machine misses.)
 */
export function runBlock(code: string, env: NodeJS.ProcessEnv): BlockRun {
  const dir = mkdtempSync(join(tmpdir(), 'readme-block-'))
  symlinkSync(join(appDir, 'node_modules'), join(dir, 'node_modules'), 'dir')
  writeFileSync(join(dir, 'block.mts'), code)
  const child = spawn(
    process.execPath,
    ['--conditions=@kraken-sockets/source', '--import', 'tsx', 'block.mts'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  const exited = new Promise<{
    code: number | string
    stdout: string
    stderr: string
  }>((resolve) =>
    child.on('close', (exitCode, signal) => {
      rmSync(dir, { recursive: true, force: true })
      resolve({ code: exitCode ?? signal ?? 'unknown', stdout, stderr })
    }),
  )
  return {
    child,
    exited,
    waitFor: (...patterns) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (patterns.every((pattern) => pattern.test(stdout))) resolve()
        }
        check()
        child.stdout?.on('data', check)
        exited.then(() =>
          reject(new Error(`exited early:\n${stdout}\n${stderr}`)),
        )
      }),
  }
}

/** `process.env` without any KRAKEN_* variable, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(env))
    if (key.startsWith('KRAKEN_')) delete env[key]
  return { ...env, ...extra }
}
