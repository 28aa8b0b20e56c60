"use client";

import { useRouter } from "next/navigation";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";

/** One audited operator action on a licensing row: reissue a tenant's code, revoke an entitlement or an appliance. */
export function LicensingAction(props: { kind: "reissue" | "revokeEntitlement" | "revokeAppliance"; id: string; label: string }) {
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const reissue = api.licensing.operatorReissue.useMutation(done);
  const revokeEntitlement = api.licensing.revokeEntitlement.useMutation(done);
  const revokeAppliance = api.licensing.revokeAppliance.useMutation(done);
  const mutation = props.kind === "reissue" ? reissue : props.kind === "revokeEntitlement" ? revokeEntitlement : revokeAppliance;
  const run = () => {
    if (props.kind === "reissue") {
      if (window.confirm("Revoke this tenant's open codes and email a new one?")) reissue.mutate({ tenant_id: props.id });
    } else if (window.confirm("Revoke? The next check-in says so, and this cannot be undone here.")) {
      (props.kind === "revokeEntitlement" ? revokeEntitlement : revokeAppliance).mutate({ id: props.id });
    }
  };
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant={props.kind === "reissue" ? "secondary" : "danger"} size="sm" disabled={mutation.isPending} onClick={run}>
        {mutation.isPending ? "Working…" : props.label}
      </Button>
      {reissue.data && props.kind === "reissue" ? <span role="status" className="text-xs text-emerald-700">New code emailed</span> : null}
      {mutation.error ? <span role="alert" className="text-xs text-rose-700">{mutation.error.message}</span> : null}
    </span>
  );
}
