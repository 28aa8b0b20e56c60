/** The periods /cp/funnel offers; `custom` reads `from` and `to` (whole UTC days, both included). */
export const FUNNEL_PERIODS = ["today", "7d", "30d", "custom"] as const;
export type TFunnelPeriod = (typeof FUNNEL_PERIODS)[number];

export const PERIOD_LABELS: Record<TFunnelPeriod, string> = { today: "Today", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom" };

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A custom period spans at most this many days. */
const MAX_DAYS = 366;

const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The half-open range [from, to) a choice stands for: today since UTC
 * midnight, the last 7 or 30 days up to now, or whole UTC days. An unreadable
 * custom range falls back to the last 7 days.
 */
export function resolveFunnelPeriod(
  choice: { period?: string; from?: string; to?: string },
  now: Date,
): { period: TFunnelPeriod; from: Date; to: Date } {
  const period = (FUNNEL_PERIODS as readonly string[]).includes(choice.period ?? "") ? (choice.period as TFunnelPeriod) : "7d";
  if (period === "today") return { period, from: startOfUtcDay(now), to: now };
  if (period === "30d") return { period, from: new Date(now.getTime() - 30 * DAY_MS), to: now };
  if (period === "custom" && choice.from && DATE.test(choice.from)) {
    const from = new Date(`${choice.from}T00:00:00Z`);
    const last = choice.to && DATE.test(choice.to) ? new Date(`${choice.to}T00:00:00Z`) : startOfUtcDay(now);
    const to = new Date(last.getTime() + DAY_MS);
    if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && to > from && to.getTime() - from.getTime() <= MAX_DAYS * DAY_MS) {
      return { period, from, to };
    }
  }
  return { period: "7d", from: new Date(now.getTime() - 7 * DAY_MS), to: now };
}
