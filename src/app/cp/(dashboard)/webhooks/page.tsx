import Link from "next/link";
import { hasOperatorRole } from "@/server/auth/roles";
import { WEBHOOK_EVENT_TYPES } from "@/server/services/webhooks/event-types";
import { WEBHOOK_DELIVERY_STATUSES } from "@/server/services/webhooks/webhook-delivery-view";
import { api } from "@/trpc/server";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { firstPageOnBadCursor } from "@/components/cp/provisioning/first-page-on-bad-cursor";
import { listQuery, pick } from "@/components/cp/provisioning/format";
import { ListPager } from "@/components/cp/provisioning/list-pager";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { DeliveryFilters } from "@/components/cp/webhooks/delivery-filters";
import { DeliveryList } from "@/components/cp/webhooks/delivery-list";
import { EndpointsPanel } from "@/components/cp/webhooks/endpoints-panel";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Webhooks" };

type TSearch = { endpoint?: string; status?: string; event?: string; cursor?: string };

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const user = await requireOperator();
  const sp = await searchParams;
  const endpoints = await api.webhooks.listEndpoints();
  const filters = {
    endpoint: endpoints.some((e) => e.id === sp.endpoint) ? sp.endpoint : undefined,
    status: pick(WEBHOOK_DELIVERY_STATUSES, sp.status),
    event: pick(WEBHOOK_EVENT_TYPES, sp.event),
  };
  const firstPage = `/cp/webhooks${listQuery(filters)}#deliveries`;
  const page = await firstPageOnBadCursor(sp.cursor, firstPage, () =>
    api.webhooks.listDeliveries({ endpointId: filters.endpoint, status: filters.status, eventType: filters.event, cursor: sp.cursor, limit: 25 }),
  );
  const now = new Date();
  const filtered = Boolean(filters.endpoint || filters.status || filters.event);
  const canManage = hasOperatorRole(user.role, "admin");
  return (
    <div className="mx-auto max-w-7xl space-y-8">
      <div>
        <PageHeader
          title="Webhooks"
          description="Other systems subscribe here to onboarding and provisioning events. Every request is signed (Embark-Signature), retried with backoff for 24 hours, and logged; any delivery can be replayed."
        />
        <EndpointsPanel canManage={canManage} />
      </div>

      <section id="deliveries" aria-label="Deliveries" className="scroll-mt-6">
        <Card>
          <CardHeader
            title="Deliveries"
            description="One per event per endpoint, newest first. Open one for its payload and every attempt."
            actions={<LiveRefresh active={!sp.cursor && page.items.some((d) => d.status === "pending")} intervalMs={4000} />}
          />
          <DeliveryFilters endpoints={endpoints} statuses={WEBHOOK_DELIVERY_STATUSES} eventTypes={WEBHOOK_EVENT_TYPES} values={filters} />
          {page.items.length === 0 ? (
            filtered ? (
              <EmptyState title="No deliveries match these filters">
                <Link href="/cp/webhooks#deliveries" className="font-medium text-indigo-700 hover:underline">Show all deliveries</Link>
              </EmptyState>
            ) : (
              <EmptyState title="No deliveries yet">
                A delivery is made for each subscribed endpoint when an onboarding or a provision job completes or fails.
              </EmptyState>
            )
          ) : (
            <DeliveryList items={page.items} now={now} />
          )}
          <ListPager
            newestHref={sp.cursor ? firstPage : null}
            olderHref={page.nextCursor ? `/cp/webhooks${listQuery({ ...filters, cursor: page.nextCursor })}#deliveries` : null}
          />
        </Card>
      </section>
    </div>
  );
}
