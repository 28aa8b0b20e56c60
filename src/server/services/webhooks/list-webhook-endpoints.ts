import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { WEBHOOK_ENDPOINT_SELECT, type TWebhookEndpointView } from "./webhook-endpoint-view";

/** The window "recent" means in the endpoint list. */
export const RECENT_WINDOW_MS = 24 * 60 * 60_000;

export type TWebhookEndpointListItem = TWebhookEndpointView & {
  /** Deliveries of the last 24 h that failed for good. */
  recentFailed: number;
  /** Deliveries of the last 24 h still being retried after a failed attempt. */
  recentRetrying: number;
};

/** Every endpoint, newest first, with how its recent deliveries are faring. */
export async function listWebhookEndpoints(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<TWebhookEndpointListItem[]> {
  const db = opts.db ?? defaultDb();
  const since = new Date((opts.now ?? new Date()).getTime() - RECENT_WINDOW_MS);
  const [endpoints, failed, retrying] = await Promise.all([
    db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: WEBHOOK_ENDPOINT_SELECT }),
    db.webhookDelivery.groupBy({ by: ["endpointId"], where: { status: "failed", createdAt: { gte: since } }, _count: true }),
    db.webhookDelivery.groupBy({
      by: ["endpointId"],
      where: { status: "pending", attempts: { gt: 0 }, createdAt: { gte: since } },
      _count: true,
    }),
  ]);
  const countOf = (rows: { endpointId: string; _count: number }[]) => new Map(rows.map((r) => [r.endpointId, r._count]));
  const failedBy = countOf(failed);
  const retryingBy = countOf(retrying);
  return endpoints.map((e) => ({ ...e, recentFailed: failedBy.get(e.id) ?? 0, recentRetrying: retryingBy.get(e.id) ?? 0 }));
}
