/**
 * Retries `check` until it returns something other than `false` without throwing, then returns that value.
 * Use it instead of sleeping: sync settles when it settles.
 * @example await waitFor(() => expect(textOf(b)).toBe('Bonjour'))
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5000, interval = 15 }: { timeout?: number; interval?: number } = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeout
  let lastError: unknown = new Error('condition still false')
  for (;;) {
    try {
      const result = await check()
      if (result !== false) return result as Exclude<T, false>
      lastError = new Error('condition still false')
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) throw lastError
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
