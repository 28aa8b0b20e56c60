import { DEBUG_FUNNEL_MAX_EVENTS, type TDebugFunnelEventName, type TDebugFunnelStep } from "@/lib/funnel-debug-events";

/** One event as the debug route takes it. */
export type TDebugEvent = {
  event_id: string;
  name: TDebugFunnelEventName;
  step?: TDebugFunnelStep;
  session_id: string;
  trace_id: string;
  occurred_at: string;
  email?: string;
  properties?: Record<string, string | number | boolean | null>;
};

/** How a batch leaves the page: a normal request, or a beacon when the page is going away. */
export type TDebugTransport = {
  /** Resolves true once the server took the batch. */
  post(body: string): Promise<boolean>;
  /** True when the browser queued the beacon. */
  beacon(body: string): boolean;
};

/** Events kept while the server cannot be reached; older ones give way. */
const MAX_PENDING = 500;

/** An RFC 4122 version 4 UUID from getRandomValues (randomUUID needs a secure context). */
export function uuidV4(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The wizard's debug events, batched: `track` only queues; `flush` sends up
 * to 50 at a time and keeps them when the send fails (each has its own UUID,
 * so a resend adds nothing on the server); `flushWithBeacon` hands everything
 * to the browser as the page goes away.
 */
export class FunnelDebugQueue {
  private pending: TDebugEvent[] = [];
  private sending = false;

  constructor(
    private readonly opts: {
      transport: TDebugTransport;
      context: () => { trace_id: string; session_id: string };
      now?: () => Date;
    },
  ) {}

  get size(): number {
    return this.pending.length;
  }

  track(name: TDebugFunnelEventName, extra: Pick<TDebugEvent, "step" | "email" | "properties"> = {}): void {
    const now = this.opts.now?.() ?? new Date();
    this.pending.push({ event_id: uuidV4(), name, ...this.opts.context(), occurred_at: now.toISOString(), ...extra });
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
  }

  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, DEBUG_FUNNEL_MAX_EVENTS);
        const ok = await this.opts.transport.post(JSON.stringify({ events: batch })).catch(() => false);
        if (!ok) return;
        this.pending.splice(0, batch.length);
      }
    } finally {
      this.sending = false;
    }
  }

  flushWithBeacon(): void {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, DEBUG_FUNNEL_MAX_EVENTS);
      if (!this.opts.transport.beacon(JSON.stringify({ events: batch }))) return;
      this.pending.splice(0, batch.length);
    }
  }
}
