import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { freePort, NATS_SERVER_BIN } from './natsServer.js'

/** One node of a {@link TestNatsCluster}. */
export interface ClusterNode {
  readonly name: string
  readonly url: string
  /** Kills this node (SIGKILL), keeping its store. */
  kill(): Promise<void>
  /** Whether the process is running. */
  readonly alive: boolean
}

/** A JetStream cluster of `nats-server` processes on loopback ports. */
export interface TestNatsCluster {
  readonly nodes: readonly ClusterNode[]
  /** Every node's client URL. */
  readonly urls: readonly string[]
  /** Kills every node and deletes the stores. */
  stop(): Promise<void>
}

/**
 * Starts `size` JetStream-enabled `nats-server`s that route to each other
 * (one cluster, loopback ports, temporary stores), and resolves once
 * JetStream answers through every node (a meta leader is elected).
 */
export async function startNatsCluster(size = 3): Promise<TestNatsCluster> {
  const ports = await Promise.all(
    Array.from({ length: size }, async () => ({
      client: await freePort(),
      cluster: await freePort(),
    })),
  )
  const routes = ports
    .map((port) => `nats-route://127.0.0.1:${port.cluster}`)
    .join(',')
  const storeDir = mkdtempSync(join(tmpdir(), 'ks-nats-cluster-'))
  const children: ChildProcess[] = []
  const nodes = ports.map((port, index) => {
    const name = `n${index + 1}`
    const child = spawn(
      NATS_SERVER_BIN,
      [
        '-js',
        '-a',
        '127.0.0.1',
        '-p',
        String(port.client),
        '--server_name',
        name,
        '--cluster_name',
        'ks-test',
        '--cluster',
        `nats://127.0.0.1:${port.cluster}`,
        '--routes',
        routes,
        '-sd',
        join(storeDir, name),
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    )
    children.push(child)
    // Never outlive the test process, even when a test hangs and is cut off.
    const reap = () => child.kill('SIGKILL')
    process.once('exit', reap)
    child.once('exit', () => process.off('exit', reap))
    const node: ClusterNode = {
      name,
      url: `nats://127.0.0.1:${port.client}`,
      get alive() {
        return child.exitCode === null && child.signalCode === null
      },
      kill: () =>
        new Promise<void>((resolve) => {
          if (!node.alive) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    }
    return node
  })
  const cluster: TestNatsCluster = {
    nodes,
    urls: nodes.map((node) => node.url),
    async stop() {
      await Promise.all(nodes.map((node) => node.kill()))
      rmSync(storeDir, { recursive: true, force: true })
    },
  }
  try {
    for (const node of nodes) await jetStreamReady(node.url)
  } catch (error) {
    await cluster.stop()
    throw error
  }
  return cluster
}

/** Waits (up to a minute) until JetStream answers an account-info request through `url`. */
async function jetStreamReady(url: string): Promise<void> {
  const deadline = Date.now() + 60_000
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const nc = await connect({ servers: url, timeout: 2_000 })
      try {
        const jsm = await jetstreamManager(nc, { timeout: 2_000 })
        await jsm.getAccountInfo()
        return
      } finally {
        await nc.close()
      }
    } catch (error) {
      last = error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  throw new Error(`JetStream at ${url} did not become ready: ${String(last)}`)
}
