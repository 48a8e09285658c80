import { expect, test } from 'vitest'
import { encodeRecord, parseRecording, RecordingFormatError } from './format.js'

test('default', () => {
  const records = [
    {
      t: 1,
      dir: 'in' as const,
      frame: '{"qty":0.10000000,"connection_id":18125794168470749634}',
    },
    {
      t: 2,
      dir: 'out' as const,
      conn: 'a',
      frame: 'CloudFlare WebSocket proxy restarting',
    },
    { t: 3, dir: 'in' as const, frame: '"\u2028 \ud83d\ude00 \\ \n"' },
  ]
  const text = records.map(encodeRecord).join('')
  expect(text.split('\n')).toHaveLength(4)
  expect(parseRecording(text)).toEqual(records)
})

test('error: a bad line names its number', () => {
  const good = encodeRecord({ t: 1, dir: 'in', frame: 'x' })
  expect(() => parseRecording(`${good}\n{oops\n`)).toThrowError(
    new RecordingFormatError(3, 'not JSON'),
  )
  for (const bad of [
    '{"t":"1","dir":"in","frame":"x"}',
    '{"t":1,"dir":"up","frame":"x"}',
    '{"t":1,"dir":"in","frame":{}}',
    '{"t":1,"dir":"in","frame":"x","conn":1}',
    '{"t":1,"dir":"in","frame":"x","encoding":"hex"}',
    '[]',
    'null',
  ])
    expect(() => parseRecording(bad)).toThrowError(RecordingFormatError)
})
