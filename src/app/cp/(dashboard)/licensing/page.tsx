import { api } from "@/trpc/server";
import { hasOperatorRole } from "@/server/auth/roles";
import { requireOperator } from "@/trpc/require-operator";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { LicensingAction } from "@/components/cp/licensing/licensing-action";

export const metadata = { title: "Licensing" };

const TONE: Record<string, TBadgeTone> = {
  open: "info",
  redeemed: "good",
  revoked: "bad",
  expired: "neutral",
  active: "good",
  trialing: "good",
  past_due: "warn",
  lapsed: "warn",
  canceled: "neutral",
};
const State = ({ value }: { value: string }) => <Badge tone={TONE[value] ?? "neutral"}>{value.replace("_", " ")}</Badge>;

export default async function LicensingPage() {
  const user = await requireOperator();
  const data = await api.licensing.overview();
  const canAct = hasOperatorRole(user.role, "operator");
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title="Licensing"
        description="Appliance customers: registry tenants, their install codes (state only; a code's value is never kept), entitlements from Stripe and the appliances that check in. Reissue and revoke are audited."
      />

      <Card>
        <CardHeader title="Registry tenants" description="Appliance tenants, newest first. Reissuing revokes the open codes and emails a fresh one." />
        {data.tenants.length === 0 ? (
          <EmptyState title="No appliance customers yet">Orders at /order/appliance and POST /internal/license/register-tenant appear here.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50"><tr><Th>Company</Th><Th>Contact</Th><Th>Registered / installed (UTC)</Th>{canAct ? <Th className="relative"><span className="sr-only">Actions</span></Th> : null}</tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.tenants.map((t) => (
                <tr key={t.id} data-testid="registry-tenant-row">
                  <Td>
                    <div className="flex items-center gap-2 font-medium text-slate-900">{t.companyName}<Badge tone={t.edition === "essentials" ? "neutral" : "info"}>{t.edition}</Badge></div>
                    <div className="font-mono text-xs text-slate-500">{t.id}</div>
                  </Td>
                  <Td>{t.contactEmail}</Td>
                  <Td>
                    <div><Time value={t.createdAt} /></div>
                    <div className="text-xs text-slate-500">{t.installedAt ? <>installed <Time value={t.installedAt} /></> : "not installed yet"}</div>
                  </Td>
                  {canAct ? <Td className="text-right"><LicensingAction kind="reissue" id={t.id} label="Reissue code" /></Td> : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader title="Install codes" description="Single use, stored as a digest only." />
        {data.codes.length === 0 ? (
          <EmptyState title="No install codes yet" />
        ) : (
          <Table>
            <thead className="bg-slate-50"><tr><Th>Code id</Th><Th>Company</Th><Th>State</Th><Th>Expires (UTC)</Th><Th>Redeemed by</Th><Th>Created (UTC)</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.codes.map((c) => (
                <tr key={c.id} data-testid="install-code-row">
                  <Td className="font-mono text-xs">{c.id}</Td>
                  <Td>{c.companyName}{c.entitlementId ? <span className="ml-2 text-xs text-slate-500">paid</span> : null}</Td>
                  <Td><State value={c.state} /></Td>
                  <Td><Time value={c.expiresAt} /></Td>
                  <Td className="font-mono text-xs">{c.consumedBy ?? "—"}</Td>
                  <Td><Time value={c.createdAt} /></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader title="Entitlements" description="Paid editions, kept in step with their Stripe subscriptions." />
        {data.entitlements.length === 0 ? (
          <EmptyState title="No entitlements yet">A paid appliance checkout creates one.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50"><tr><Th>Company</Th><Th>Edition</Th><Th>Status</Th><Th>Paid until (UTC)</Th><Th>Subscription</Th>{canAct ? <Th className="relative"><span className="sr-only">Actions</span></Th> : null}</tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.entitlements.map((e) => (
                <tr key={e.id}>
                  <Td><div className="font-medium text-slate-900">{e.companyName}</div><div className="font-mono text-xs text-slate-500">{e.id}</div></Td>
                  <Td>{e.edition}</Td>
                  <Td>{e.revokedAt ? <State value="revoked" /> : <State value={e.status} />}</Td>
                  <Td>{e.currentPeriodEnd ? <Time value={e.currentPeriodEnd} /> : "—"}</Td>
                  <Td className="font-mono text-xs">{e.stripeSubscriptionId ?? "—"}</Td>
                  {canAct ? <Td className="text-right">{e.revokedAt ? null : <LicensingAction kind="revokeEntitlement" id={e.id} label="Revoke" />}</Td> : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader title="Appliances" description="Paid appliances and their last check-in; essentials appliances do not check in." />
        {data.appliances.length === 0 ? (
          <EmptyState title="No appliances yet">A paid install code, once redeemed, registers its appliance here.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50"><tr><Th>Appliance</Th><Th>Company</Th><Th>Licence</Th><Th>Last check-in (UTC)</Th><Th>Registered (UTC)</Th>{canAct ? <Th className="relative"><span className="sr-only">Actions</span></Th> : null}</tr></thead>
            <tbody className="divide-y divide-slate-100">
              {data.appliances.map((a) => (
                <tr key={a.id}>
                  <Td><div className="font-mono text-xs text-slate-900">{a.applianceId}</div><div className="font-mono text-xs text-slate-500">{a.id}</div></Td>
                  <Td>{a.companyName}</Td>
                  <Td><State value={a.licenceStatus} /></Td>
                  <Td><Time value={a.lastCheckInAt} /></Td>
                  <Td><Time value={a.createdAt} /></Td>
                  {canAct ? <Td className="text-right">{a.revokedAt ? null : <LicensingAction kind="revokeAppliance" id={a.id} label="Revoke" />}</Td> : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
