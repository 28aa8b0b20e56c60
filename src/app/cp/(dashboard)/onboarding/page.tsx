import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { firstPageOnBadCursor } from "@/components/cp/provisioning/first-page-on-bad-cursor";
import { listQuery, pick, REGIONS } from "@/components/cp/provisioning/format";
import { ListFilters } from "@/components/cp/provisioning/list-filters";
import { ListPager } from "@/components/cp/provisioning/list-pager";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { isMovingSession, ONBOARDING_STATUSES, SESSION_STATUS_LABELS, TIERS } from "@/components/cp/onboarding/format";
import { SessionList } from "@/components/cp/onboarding/session-list";
import { ONBOARDING_STEPS, ONBOARDING_STEP_KEYS } from "@/server/services/onboarding/steps";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Onboarding" };

type TSearch = { status?: string; tier?: string; region?: string; failedStep?: string; q?: string; cursor?: string };

const SELECTS = [
  { name: "tier", label: "Tier", anyLabel: "Any tier", options: TIERS.map((t) => ({ value: t, label: t.charAt(0).toUpperCase() + t.slice(1) })) },
  { name: "failedStep", label: "Failed at", anyLabel: "Any step", options: ONBOARDING_STEPS.map((s) => ({ value: s.key, label: s.label })) },
];

export default async function OnboardingSessionsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  await requireOperator();
  const sp = await searchParams;
  const filters = {
    q: sp.q?.trim().slice(0, 200) || undefined,
    status: pick(ONBOARDING_STATUSES, sp.status),
    region: pick(REGIONS, sp.region),
    tier: pick(TIERS, sp.tier),
    failedStep: pick(ONBOARDING_STEP_KEYS, sp.failedStep),
  };
  const firstPage = `/cp/onboarding${listQuery(filters)}`;
  const page = await firstPageOnBadCursor(sp.cursor, firstPage, () => api.onboarding.list({ ...filters, cursor: sp.cursor, limit: 25 }));
  const now = new Date();
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Onboarding"
        description="Every customer's way from signup to a verified tenant, newest first. Open a session for its five steps and their results; failed sessions can be resumed there."
        actions={<LiveRefresh active={!sp.cursor && page.items.some(isMovingSession)} />}
      />
      <Card>
        <ListFilters
          path="/cp/onboarding"
          statuses={ONBOARDING_STATUSES}
          statusLabels={SESSION_STATUS_LABELS}
          regions={REGIONS}
          selects={SELECTS}
          values={filters}
          searchLabel="Search"
          searchPlaceholder="Slug, platform name, onboarding, job, trace or user id"
        />
        {page.items.length === 0 ? (
          filtered ? (
            <EmptyState title="No onboarding sessions match these filters">
              Search matches an onboarding, provision job, trace or user id exactly, or part of a slug or platform name.{" "}
              <Link href="/cp/onboarding" className="font-medium text-indigo-700 hover:underline">Show all sessions</Link>
            </EmptyState>
          ) : (
            <EmptyState title="No onboarding sessions yet">
              A session starts when a customer finishes the signup wizard, or through{" "}
              <code className="rounded bg-slate-100 px-1 text-xs">POST /api/v1/onboarding</code>.
            </EmptyState>
          )
        ) : (
          <SessionList items={page.items} now={now} />
        )}
        <ListPager
          newestHref={sp.cursor ? firstPage : null}
          olderHref={page.nextCursor ? `/cp/onboarding${listQuery({ ...filters, cursor: page.nextCursor })}` : null}
        />
      </Card>
    </div>
  );
}
