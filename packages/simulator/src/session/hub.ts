/** Something that can receive published frames. */
export type Subscriber = {
  /** Sends one frame to this subscriber. */
  deliver(frame: string): void
}

/** The publishing side of a {@link Hub}, all that feeds need. */
export type Publisher = {
  /** Whether `topic` has at least one subscriber. */
  has(topic: string): boolean
  /** Sends `frame` (built lazily) to the topic's subscribers; returns how many. */
  publish(topic: string, frame: string | (() => string)): number
}

/**
 * Topic → subscribers. Publishers build a frame only when a topic has
 * subscribers, and one frame string is shared by all of them.
 */
export class Hub<TSubscriber extends Subscriber = Subscriber>
  implements Publisher
{
  readonly #topics = new Map<string, Set<TSubscriber>>()

  /** Subscribes `subscriber` to `topic` (once, however often it is added). */
  add(topic: string, subscriber: TSubscriber): void {
    let set = this.#topics.get(topic)
    if (set === undefined) {
      set = new Set()
      this.#topics.set(topic, set)
    }
    set.add(subscriber)
  }

  /** Unsubscribes `subscriber` from `topic`; forgets the topic once empty. */
  remove(topic: string, subscriber: TSubscriber): void {
    const set = this.#topics.get(topic)
    if (set === undefined) return
    set.delete(subscriber)
    if (set.size === 0) this.#topics.delete(topic)
  }

  /** Whether `topic` has at least one subscriber. */
  has(topic: string): boolean {
    return this.#topics.has(topic)
  }

  /** Sends `frame` (built lazily) to the topic's subscribers; returns how many. */
  publish(topic: string, frame: string | (() => string)): number {
    const set = this.#topics.get(topic)
    if (set === undefined) return 0
    const text = typeof frame === 'string' ? frame : frame()
    for (const subscriber of set) subscriber.deliver(text)
    return set.size
  }
}
