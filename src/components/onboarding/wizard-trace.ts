import { TRACE_ID_HEADER } from "@/lib/trace-id-header";

/**
 * The wizard's trace id: made when a person starts (before sign-in), kept for
 * the tab in sessionStorage, and sent with the code requests, the onboarding
 * it creates and every debug event, so the whole way shares one trace.
 */
const KEY = "embark.onboarding.trace";
const TRACE_ID = /^trace_[A-Za-z0-9_-]{6,80}$/;

let inMemory: string | null = null;

/** `trace_` + 128 random bits as hex (getRandomValues also works outside secure contexts). */
export function newWizardTraceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `trace_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function store(id: string): string {
  inMemory = id;
  try {
    window.sessionStorage.setItem(KEY, id);
  } catch {
    // Storage switched off: the id lives as long as the page.
  }
  return id;
}

/** The tab's trace, started now if it has none. */
export function currentTraceId(): string {
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem(KEY);
  } catch {
    stored = inMemory;
  }
  if (stored && TRACE_ID.test(stored)) return stored;
  return store(newWizardTraceId());
}

/** A new trace for a new attempt (another platform, another account). */
export function startNewTrace(): string {
  return store(newWizardTraceId());
}

/** Headers that name the trace on a sign-in request. */
export function traceHeaders(): Record<string, string> {
  return { [TRACE_ID_HEADER]: currentTraceId() };
}
