/** Who holds an intent: the user, or the runtime's own books and trading feeds. */
export type IntentOwner = 'user' | 'book' | 'trading'

/**
 * Who holds each intent (by intent id): an intent is unsubscribed at
 * Kraken only once no owner holds it.
 */
export class IntentOwners {
  #owners = new Map<string, Set<IntentOwner>>()

  /** `owner` holds the intent `id`. */
  hold(id: string, owner: IntentOwner): void {
    let owners = this.#owners.get(id)
    if (owners === undefined) {
      owners = new Set()
      this.#owners.set(id, owners)
    }
    owners.add(owner)
  }

  /** `owner` lets go of `id`; true when another owner still holds it. */
  release(id: string, owner: IntentOwner): boolean {
    const owners = this.#owners.get(id)
    owners?.delete(owner)
    if (owners !== undefined && owners.size > 0) return true
    this.#owners.delete(id)
    return false
  }

  /** The owners of `id`, none when nobody holds it. */
  of(id: string): IntentOwner[] {
    return [...(this.#owners.get(id) ?? [])]
  }

  /** Forgets every owner. */
  clear(): void {
    this.#owners.clear()
  }
}
