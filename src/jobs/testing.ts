/**
 * Test support for the job runtime: waiting on a condition that another
 * process or pg-boss's own loop makes true (a job's state, a row's status),
 * where there is no event to subscribe to.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  opts: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what ?? "a condition"}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
