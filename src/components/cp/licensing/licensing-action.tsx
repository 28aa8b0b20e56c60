"use client";

import { useRouter } from "next/navigation";
import { api } from "@/trpc/react";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** One audited operator action on a licensing row: reissue a tenant's code, revoke an entitlement or an appliance. */
export function LicensingAction(props: { kind: "reissue" | "revokeEntitlement" | "revokeAppliance"; id: string; label: string }) {
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const reissue = api.licensing.operatorReissue.useMutation(done);
  const revokeEntitlement = api.licensing.revokeEntitlement.useMutation(done);
  const revokeAppliance = api.licensing.revokeAppliance.useMutation(done);
  const mutation = props.kind === "reissue" ? reissue : props.kind === "revokeEntitlement" ? revokeEntitlement : revokeAppliance;
  const run = () => {
    if (props.kind === "reissue") reissue.mutate({ tenant_id: props.id });
    else (props.kind === "revokeEntitlement" ? revokeEntitlement : revokeAppliance).mutate({ id: props.id });
  };
  const ask =
    props.kind === "reissue"
      ? { title: "Send a new install code?", body: "The tenant's open codes stop working, and a fresh code and download link are emailed to its contact.", confirmLabel: "Reissue code" }
      : {
          title: props.kind === "revokeEntitlement" ? "Revoke this entitlement?" : "Revoke this appliance?",
          body: "The next check-in answers a licence that says revoked. This cannot be undone here.",
          confirmLabel: "Revoke",
        };
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <ConfirmButton variant={props.kind === "reissue" ? "secondary" : "danger"} size="sm" disabled={mutation.isPending} onConfirm={run} {...ask}>
        {mutation.isPending ? "Working…" : props.label}
      </ConfirmButton>
      {reissue.data && props.kind === "reissue" ? <span role="status" className="text-xs text-emerald-700">New code emailed</span> : null}
      {mutation.error ? <span role="alert" className="text-xs text-rose-700">{mutation.error.message}</span> : null}
    </span>
  );
}
