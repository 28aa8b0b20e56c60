/**
 * Counts requests per key in fixed windows, in this process's memory: a cheap
 * guard for public endpoints (each replica counts on its own). Old windows
 * are dropped as they pass, so memory stays bounded by the keys of one window.
 */
export class FixedWindowLimiter {
  private window = -1;
  private counts = new Map<string, number>();

  constructor(private readonly opts: { max: number; windowMs: number; maxKeys?: number }) {}

  /** Takes one request for `key`; `allowed: false` with the seconds until the next window once over `max`. */
  take(key: string, now = Date.now()): { allowed: boolean; retryAfterSeconds: number } {
    const window = Math.floor(now / this.opts.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * this.opts.windowMs - now) / 1000));
    // A flood of distinct keys shares one bucket rather than growing the map without end.
    const bucket = this.counts.has(key) || this.counts.size < (this.opts.maxKeys ?? 10_000) ? key : "*overflow*";
    const count = (this.counts.get(bucket) ?? 0) + 1;
    this.counts.set(bucket, count);
    return { allowed: count <= this.opts.max, retryAfterSeconds };
  }
}
