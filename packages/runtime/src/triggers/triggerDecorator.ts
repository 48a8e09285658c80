/** Removers of the triggers each instance registered through a decorator. */
const removersByInstance = new WeakMap<object, (() => void)[]>()

/**
 * A TC39 (2023) method decorator that registers the decorated method as a
 * trigger handler, bound to the instance, when the instance is constructed.
 */
export type TriggerMethodDecorator<TValue> = <This extends object>(
  method: (this: This, value: TValue) => unknown,
  context: ClassMethodDecoratorContext<
    This,
    (this: This, value: TValue) => unknown
  >,
) => void

/**
 * Builds the decorator form of `kraken.trigger(Key)`: `register` receives the
 * bound method once per constructed instance (once per class for a static
 * method) and returns its remover, which {@link removeDecoratedTriggers}
 * calls.
 *
 * Standard decorators run their initializers before the class's fields are
 * set, so registration happens then; the handler only runs later, when a
 * response arrives, by which time the instance is complete.
 *
 * @example
 * ```ts
 * const trigger = (key) => createTriggerDecorator((handler) => registry.add(key, handler))
 * class Bot {
 *   @trigger(TickerUpdateResponse)
 *   onTicker(ticker: TickerUpdateResponse) {}
 * }
 * ```
 */
export function createTriggerDecorator<TValue>(
  register: (handler: (value: TValue) => unknown) => () => void,
): TriggerMethodDecorator<TValue> {
  return (method, context) => {
    context.addInitializer(function () {
      const handler = method.bind(this)
      Object.defineProperty(handler, 'name', { value: String(context.name) })
      const remove = register(handler)
      const removers = removersByInstance.get(this)
      if (removers === undefined) removersByInstance.set(this, [remove])
      else removers.push(remove)
    })
  }
}

/**
 * Removes every trigger that decorators registered for `instance` (an object,
 * or a class for static methods). Returns how many were removed.
 */
export function removeDecoratedTriggers(instance: object): number {
  const removers = removersByInstance.get(instance)
  if (removers === undefined) return 0
  removersByInstance.delete(instance)
  for (const remove of removers) remove()
  return removers.length
}
