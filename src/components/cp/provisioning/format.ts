/** Region codes as people say them. */
export const REGION_NAMES: Record<string, string> = { sg: "Singapore", us: "United States", eu: "Europe" };

export const JOB_STATUSES = ["Pending", "Dispatched", "Running", "Completed", "Failed"] as const;
export const TENANT_STATUSES = ["pending", "provisioning", "active", "failed", "suspended"] as const;
export const REGIONS = ["sg", "us", "eu"] as const;

/** A job still waiting for its outcome; its pages follow it live. */
export function isOpenJobStatus(status: string): boolean {
  return status === "Pending" || status === "Dispatched" || status === "Running";
}

/** "850 ms", "12.4 s", "3 min 05 s", "2 h 07 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const totalS = Math.round(s);
  const m = Math.floor(totalS / 60);
  if (m < 60) return `${m} min ${String(totalS % 60).padStart(2, "0")} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d`;
}

/** "just now", "4 min ago", "3 h ago", "2 d ago"; past dates only (a future one reads "just now"). */
export function formatAgo(value: Date, now: Date): string {
  const s = Math.floor((now.getTime() - value.getTime()) / 1000);
  if (s < 10) return "just now";
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** "resolve_target" → "Resolve target"; DNS stays an acronym. */
export function stageLabel(name: string): string {
  if (name === "dns") return "DNS";
  const words = name.replace(/[_.:-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The query string for a list page: empty values dropped, so links stay short. */
export function listQuery(values: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `?${s}` : "";
}

/** A value from the URL when it is one of the allowed ones. */
export function pick<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** "1 active shared node", "3 active shared nodes": what shared capacity is counted over. */
export function sharedNodes(count: number): string {
  return `${count} active shared node${count === 1 ? "" : "s"}`;
}
