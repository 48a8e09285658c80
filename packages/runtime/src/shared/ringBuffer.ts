/**
 * A bounded FIFO that drops its oldest item when full. Used by handler
 * queues and streams: when a consumer falls behind, what it sees next is the
 * most recent data, and the drop is counted so that it can be reported.
 */
export class RingBuffer<T> {
  /** Maximum number of items held. */
  readonly capacity: number
  #items: (T | undefined)[] = []
  #head = 0
  #size = 0

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `Buffer capacity must be a positive integer, got ${capacity}.`,
      )
    }
    this.capacity = capacity
  }

  /** Number of items held. */
  get size(): number {
    return this.#size
  }

  /** Appends an item; returns `true` when the oldest item was dropped. */
  push(item: T): boolean {
    const tail = (this.#head + this.#size) % this.capacity
    this.#items[tail] = item
    if (this.#size < this.capacity) {
      this.#size++
      return false
    }
    this.#head = (this.#head + 1) % this.capacity
    return true
  }

  /** Removes and returns the oldest item, or `undefined` when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined
    const item = this.#items[this.#head]
    // Release the reference so a drained buffer holds no stale values.
    this.#items[this.#head] = undefined
    this.#head = (this.#head + 1) % this.capacity
    this.#size--
    return item
  }

  /** Drops every item. */
  clear(): void {
    this.#items = []
    this.#head = 0
    this.#size = 0
  }
}
