import { expect, test } from 'vitest'
import { DEFAULT_TEST_CREDENTIALS } from './auth/testCredentials.js'
import { clientEnvironment, shellExports } from './clientOptions.js'
import { closeAfterEach } from './testing/lifecycle.js'
import { fetchToken } from './testing/private.js'

const { start } = closeAfterEach()

test('default: clientOptions() holds every URL and the default test keys', async () => {
  const simulator = await start({ rate: 0 })
  expect(simulator.clientOptions()).toEqual({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
  })
})

test('behavior: the keys it hands out are the ones GetWebSocketsToken accepts', async () => {
  const apiKey = 'my-own-simulator-key'
  const privateKey = Buffer.from('my own simulator secret').toString('base64')
  const simulator = await start({ rate: 0, apiKey, privateKey })
  const options = simulator.clientOptions()
  expect(options).toMatchObject({ apiKey, privateKey })
  const accepted = await fetchToken(simulator, options)
  expect(accepted.status).toBe(200)
  expect(accepted.json.result).toMatchObject({ token: expect.any(String) })
  const refused = await fetchToken(simulator, {
    ...options,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
  })
  expect(refused.json.error).not.toEqual([])
})

test('behavior: the environment uses the runtime variable names', () => {
  const options = {
    publicUrl: 'ws://127.0.0.1:1/v2',
    privateUrl: 'ws://127.0.0.1:1/ws-auth/v2',
    level3Url: 'ws://127.0.0.1:1/ws-l3/v2',
    restUrl: 'http://127.0.0.1:1',
    apiKey: 'key',
    privateKey: "a+b/c='",
  }
  expect(clientEnvironment(options)).toEqual({
    KRAKEN_WS_PUBLIC_URL: 'ws://127.0.0.1:1/v2',
    KRAKEN_WS_PRIVATE_URL: 'ws://127.0.0.1:1/ws-auth/v2',
    KRAKEN_WS_LEVEL3_URL: 'ws://127.0.0.1:1/ws-l3/v2',
    KRAKEN_REST_URL: 'http://127.0.0.1:1',
    KRAKEN_REST_API_KEY: 'key',
    KRAKEN_REST_API_PRIVATE_KEY: "a+b/c='",
  })
  expect(shellExports(options)).toContain(
    `export KRAKEN_REST_API_PRIVATE_KEY='a+b/c='\\'''`,
  )
})
