"use client";

import { useRouter } from "next/navigation";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Reconcile now and Disable, for operators on a domain's page. */
export function DomainActions({ id, domain, disabled }: { id: string; domain: string; disabled: boolean }) {
  const router = useRouter();
  const reconcile = api.portalDomains.reconcileAsOperator.useMutation({ onSettled: () => router.refresh() });
  const disable = api.portalDomains.disable.useMutation({ onSettled: () => router.refresh() });
  const error = reconcile.error ?? disable.error;
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={reconcile.isPending} onClick={() => reconcile.mutate({ id })}>
          {reconcile.isPending ? "Queuing…" : "Reconcile now"}
        </Button>
        {!disabled ? (
          <ConfirmButton
            variant="danger"
            disabled={disable.isPending}
            title={`Disable ${domain}?`}
            body="Its certificate, gateway and routes are deleted from the cluster, and the portal stops answering on this domain."
            confirmLabel="Disable domain"
            onConfirm={() => disable.mutate({ id })}
          >
            {disable.isPending ? "Disabling…" : "Disable"}
          </ConfirmButton>
        ) : null}
      </div>
      {reconcile.data ? (
        <p role="status" className="text-sm text-slate-600" data-testid="reconcile-queued">
          Reconciliation queued; it runs after any pass in progress.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-xs rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
