import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { CapacityBar } from "@/components/cp/provisioning/capacity-bar";
import { pick, REGION_NAMES, REGIONS, sharedNodes } from "@/components/cp/provisioning/format";
import { RelativeTime } from "@/components/cp/provisioning/relative-time";
import { NodeStatusBadge } from "@/components/cp/provisioning/status-badges";
import { cn } from "@/lib/cn";
import { summarizeNodeCapacity } from "@/server/services/nodes/node-capacity";
import type { TNodeView } from "@/server/services/nodes/node-view";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Nodes" };

function Stat({ label, value, hint, testId }: { label: string; value: string | number; hint?: string; testId?: string }) {
  return (
    <Card className="px-5 py-4" data-testid={testId}>
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{value}</p>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
    </Card>
  );
}

function NodeRow({ node: n, marked, now }: { node: TNodeView; marked: boolean; now: Date }) {
  return (
    <tr
      id={n.node_id}
      aria-current={marked ? "true" : undefined}
      className={cn("scroll-mt-24", marked ? "bg-indigo-50 shadow-[inset_3px_0_0] shadow-indigo-500" : "hover:bg-slate-50")}
      data-node-id={n.node_id}
    >
      <Td>
        <p className="font-mono text-xs font-medium text-slate-900">{n.node_id}</p>
        {n.hostname ? <p className="font-mono text-xs text-slate-500">{n.hostname}</p> : null}
      </Td>
      <Td><CapacityBar used={n.used} capacity={n.capacity} dedicated={n.dedicated} label={`Capacity used on ${n.node_id}`} /></Td>
      <Td><NodeStatusBadge status={n.status} /></Td>
      <Td>
        {n.dedicated ? (
          <span className="rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-700 ring-1 ring-inset ring-violet-600/20">dedicated</span>
        ) : (
          <span className="text-slate-600">shared</span>
        )}
      </Td>
      <Td className="font-mono text-xs">{n.server_ip ?? <span className="text-slate-400">—</span>}</Td>
      <Td className="font-mono text-xs">{n.db_server_ip ?? <span className="text-slate-400">—</span>}</Td>
      <Td><RelativeTime value={n.created_at} now={now} /></Td>
    </tr>
  );
}

export default async function NodesPage({ searchParams }: { searchParams: Promise<{ region?: string; node?: string }> }) {
  await requireOperator();
  const sp = await searchParams;
  const region = pick(REGIONS, sp.region);
  const nodes = await api.nodes.list({ region });
  const now = new Date();
  const summary = summarizeNodeCapacity(nodes);
  const regions = [...new Set(nodes.map((n) => n.region))];

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Nodes"
        description="The servers tenants live on. Shared nodes take tenants until full; a dedicated node holds one tenant's own stack."
      />
      <nav aria-label="Filter by region" className="mb-6 flex flex-wrap gap-1">
        {[undefined, ...REGIONS].map((r) => {
          const active = region === r;
          return (
            <Link
              key={r ?? "all"}
              href={r ? `/cp/nodes?region=${r}` : "/cp/nodes"}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600",
                active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-200/60",
              )}
            >
              {r ? REGION_NAMES[r] : "All regions"}
            </Link>
          );
        })}
      </nav>
      <section aria-label="Totals" className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="node-totals">
        <Stat label="Nodes" value={summary.nodes} hint={`${summary.nodes - summary.dedicatedNodes} shared · ${summary.dedicatedNodes} dedicated`} />
        <Stat label="Tenants placed" value={summary.tenantsPlaced} />
        <Stat
          label="Shared capacity used"
          value={summary.sharedCapacity ? `${Math.round((summary.sharedUsed / summary.sharedCapacity) * 100)} %` : "—"}
          hint={`${summary.sharedUsed} of ${summary.sharedCapacity} slots on ${sharedNodes(summary.activeSharedNodes)}`}
          testId="nodes-shared-capacity"
        />
        <Stat label="Shared nodes ≥ 75 % full" value={summary.nearFull} />
      </section>
      {nodes.length === 0 ? (
        <Card>
          <EmptyState title={region ? `No nodes in ${REGION_NAMES[region]}` : "No nodes yet"}>
            A provision run that creates a server registers its node here.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {regions.map((r) => {
            const inRegion = nodes.filter((n) => n.region === r);
            const used = inRegion.reduce((sum, n) => sum + n.used, 0);
            const capacity = inRegion.reduce((sum, n) => sum + n.capacity, 0);
            return (
              <Card key={r} role="region" aria-label={`Nodes in ${REGION_NAMES[r] ?? r}`}>
                <CardHeader
                  title={`${REGION_NAMES[r] ?? r} (${r})`}
                  description={`${inRegion.length} ${inRegion.length === 1 ? "node" : "nodes"} · ${used} of ${capacity} tenant slots used`}
                />
                <Table>
                  <thead className="bg-slate-50">
                    <tr>
                      <Th>Node</Th>
                      <Th>Capacity</Th>
                      <Th>Status</Th>
                      <Th>Kind</Th>
                      <Th>Server IP</Th>
                      <Th>Database IP</Th>
                      <Th>Registered</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {inRegion.map((n) => <NodeRow key={n.node_id} node={n} marked={sp.node === n.node_id} now={now} />)}
                  </tbody>
                </Table>
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
