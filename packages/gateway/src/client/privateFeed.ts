import type { NatsConnection } from '@nats-io/transport-node'
import type { PrivateAnswer } from '../gateway/privateDemand.js'
import { SEQ_HEADER } from '../wire/headers.js'

/** One bot's view of its gateway key's private channels (`executions`, `balances`). */
export interface PrivateFeed {
  /** Sends a private subscribe frame (text, `req_id` of the bot) to the gateway. */
  subscribe(text: string, reqId: unknown): Promise<void>
}

interface Live {
  lastSeq: number
  /** Live frames held while a replay is on its way. */
  held: { seq: number; text: string }[] | undefined
}

/**
 * The private frames a gateway relays for one account: a core NATS
 * subscription to the account's subject (opened before the first request,
 * so nothing falls between the replay and the live frames), and per
 * subscribe request the gateway's ack and its replay (the latest snapshots
 * and every frame since), then the live frames after it. Requests run one
 * at a time, so replays never interleave. Frames are Kraken's text as the
 * gateway's socket received it; no token travels either way.
 */
export function createPrivateFeed(
  nc: NatsConnection,
  subjects: { readonly data: string; readonly subscribe: string },
  timeout: number,
  emit: (text: string) => void,
): PrivateFeed {
  let live: Live | undefined
  let queue: Promise<void> = Promise.resolve()

  const open = async (): Promise<Live> => {
    if (live !== undefined) return live
    const state: Live = { lastSeq: 0, held: undefined }
    nc.subscribe(subjects.data, {
      callback: (error, msg) => {
        if (error !== null) return
        const seq = Number(msg.headers?.get(SEQ_HEADER))
        if (state.held !== undefined)
          state.held.push({ seq, text: msg.string() })
        else if (seq > state.lastSeq) {
          state.lastSeq = seq
          emit(msg.string())
        }
      },
    })
    await nc.flush()
    live = state
    return state
  }

  const request = async (text: string, reqId: unknown) => {
    const state = await open()
    state.held = []
    let answer: PrivateAnswer
    try {
      answer = (
        await nc.request(subjects.subscribe, text, { timeout })
      ).json<PrivateAnswer>()
    } catch (error) {
      const now = new Date().toISOString()
      answer = {
        acks: [
          {
            method: 'subscribe',
            success: false,
            error: `EService:Unavailable (${(error as Error).message})`,
            time_in: now,
            time_out: now,
          },
        ],
      }
    }
    for (const ack of answer.acks)
      emit(JSON.stringify({ ...ack, req_id: reqId }))
    const held = state.held
    state.held = undefined
    if (answer.seq !== undefined && answer.frames !== undefined) {
      for (const frame of answer.frames) emit(frame)
      state.lastSeq = Math.max(state.lastSeq, answer.seq)
    }
    for (const frame of held)
      if (frame.seq > state.lastSeq) {
        state.lastSeq = frame.seq
        emit(frame.text)
      }
  }

  return {
    subscribe(text, reqId) {
      queue = queue.then(() => request(text, reqId))
      return queue
    },
  }
}
