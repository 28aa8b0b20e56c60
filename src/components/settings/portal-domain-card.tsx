"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import { DomainStatusBadge } from "@/components/cp/portal-domains/domain-status-badge";

type TDomain = { id: string; domain: string; status: string; status_message: string; cname_target: string; last_checked_at: Date | null };
type TTenant = { tenant_id: string; slug: string; company_name: string; cname_target: string; domain: TDomain | null };

function CnameRecord({ name, target }: { name: string; target: string }) {
  return (
    <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-900 px-4 py-3 font-mono text-xs text-slate-100 sm:grid-cols-[auto_auto_1fr] sm:grid-rows-2 sm:grid-flow-col sm:text-sm" data-testid="cname-record">
      <dt className="text-slate-400">Name</dt>
      <dd className="[overflow-wrap:anywhere]">{name}</dd>
      <dt className="text-slate-400">Type</dt>
      <dd>CNAME</dd>
      <dt className="text-slate-400">Target</dt>
      <dd className="select-all [overflow-wrap:anywhere]">{target}</dd>
    </dl>
  );
}

/** One platform: its domain's status and the CNAME to set, or the form to add one. */
export function PortalDomainCard({ tenant }: { tenant: TTenant }) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const submit = api.portalDomains.submit.useMutation({ onSuccess: () => router.refresh() });
  const d = tenant.domain;
  const fieldId = `domain-${tenant.tenant_id}`;
  return (
    <Card className="p-5" data-testid="portal-domain-card">
      <p className="text-sm text-slate-500">{tenant.company_name} · <span className="font-mono">{tenant.slug}</span></p>
      {d ? (
        <>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <h2 className="text-lg [overflow-wrap:anywhere] font-semibold text-slate-900">{d.domain}</h2>
            <span data-testid="portal-domain-status"><DomainStatusBadge status={d.status} /></span>
          </div>
          <p className="mt-2 text-sm text-slate-700 [overflow-wrap:anywhere]" data-testid="portal-domain-message">{d.status_message}</p>
          <p className="mt-1 text-xs text-slate-500">Last checked <Time value={d.last_checked_at} /></p>
          {d.status !== "active" ? (
            <>
              <p className="mt-4 text-sm text-slate-700">Set this record at your DNS provider (it can take a few minutes to be seen):</p>
              <CnameRecord name={d.domain} target={d.cname_target} />
            </>
          ) : null}
        </>
      ) : (
        <form
          className="mt-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate({ tenant_id: tenant.tenant_id, domain: value });
          }}
        >
          <Field id={fieldId} label="Your domain" hint="A subdomain you control, e.g. portal.yourcompany.com" error={submit.error?.message}>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input
                id={fieldId}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder="portal.yourcompany.com"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={submit.error ? true : undefined}
                className={inputClass}
              />
              <Button type="submit" className="shrink-0 whitespace-nowrap" disabled={submit.isPending || value.trim() === ""}>
                {submit.isPending ? "Adding…" : "Add domain"}
              </Button>
            </div>
          </Field>
          <p className="mt-4 text-sm text-slate-700">Then point it at your portal with this record:</p>
          <CnameRecord name={value.trim() || "portal.yourcompany.com"} target={tenant.cname_target} />
        </form>
      )}
    </Card>
  );
}
