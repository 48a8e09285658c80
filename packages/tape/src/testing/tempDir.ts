import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'tape-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A clock that advances by `stepMicros` on each wall read. */
export function steppingClock(startMicros: number, stepMicros: number) {
  let wall = startMicros
  let mono = 0
  return {
    wallMicros: () => {
      wall += stepMicros
      return wall
    },
    monoMicros: () => {
      mono += stepMicros
      return mono
    },
  }
}
