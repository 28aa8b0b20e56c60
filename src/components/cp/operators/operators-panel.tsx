"use client";

import { useState } from "react";
import { api } from "@/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { NewOperatorForm } from "./new-operator-form";
import { ShownOnce } from "./shown-once";

type TPending = { id: string; action: "disable" | "reset" } | null;

/** The operator list; admins also add operators, disable or enable them and reset their passwords. */
export function OperatorsPanel({ canManage, selfId }: { canManage: boolean; selfId: string }) {
  const utils = api.useUtils();
  const operators = api.operators.list.useQuery();
  const [confirming, setConfirming] = useState<TPending>(null);
  const refresh = () => void utils.operators.list.invalidate();
  const setDisabled = api.operators.setDisabled.useMutation({ onSuccess: refresh, onSettled: () => setConfirming(null) });
  const reset = api.operators.resetPassword.useMutation({ onSettled: () => setConfirming(null) });
  const failure = setDisabled.error ?? reset.error;

  const list = (
    <Card className={canManage ? "lg:col-span-2" : undefined}>
      <CardHeader title="Operators" description="People who can sign in to /cp." />
      {failure ? <p role="alert" className="mx-5 mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{failure.message}</p> : null}
      {operators.isLoading ? (
        <p className="px-5 py-6 text-sm text-slate-500">Loading…</p>
      ) : !operators.data?.length ? (
        <EmptyState title="No operators">Create the first admin with npm run ops:create-admin.</EmptyState>
      ) : (
        <Table>
          <thead className="bg-slate-50">
            <tr>
              <Th>Operator</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th className="hidden 2xl:table-cell">Added</Th>
              {canManage ? <Th><span className="sr-only">Actions</span></Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {operators.data.map((o) => {
              const asking = confirming?.id === o.id ? confirming.action : null;
              return (
                <tr key={o.id} aria-label={o.email}>
                  <Td className="min-w-[12rem] whitespace-normal">
                    <p className="font-medium text-slate-900">{o.name}{o.id === selfId ? <span className="font-normal text-slate-500"> (you)</span> : null}</p>
                    <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{o.email}</p>
                  </Td>
                  <Td className="capitalize">{o.role}</Td>
                  <Td>{o.disabledAt ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}</Td>
                  <Td className="hidden 2xl:table-cell"><Time value={o.createdAt} /></Td>
                  {canManage ? (
                    <Td className="text-right">
                      {o.id === selfId ? (
                        <span className="text-xs text-slate-500">change yours on Your account</span>
                      ) : asking ? (
                        <div className="flex flex-wrap justify-end gap-2">
                          <Button
                            size="sm"
                            variant="danger"
                            disabled={setDisabled.isPending || reset.isPending}
                            onClick={() =>
                              asking === "disable" ? setDisabled.mutate({ id: o.id, disabled: true }) : reset.mutate({ id: o.id })
                            }
                          >
                            {asking === "disable" ? "Disable and sign out" : "Reset password"}
                          </Button>
                          <Button size="sm" variant="secondary" onClick={() => setConfirming(null)}>Cancel</Button>
                        </div>
                      ) : (
                        <div className="flex flex-wrap justify-end gap-2">
                          {o.disabledAt ? (
                            <Button size="sm" variant="secondary" disabled={setDisabled.isPending} onClick={() => setDisabled.mutate({ id: o.id, disabled: false })}>
                              Enable
                            </Button>
                          ) : (
                            <>
                              <Button size="sm" variant="secondary" onClick={() => setConfirming({ id: o.id, action: "reset" })}>
                                Reset password…
                              </Button>
                              <Button size="sm" variant="secondary" onClick={() => setConfirming({ id: o.id, action: "disable" })}>
                                Disable…
                              </Button>
                            </>
                          )}
                        </div>
                      )}
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {reset.data ? (
        <ShownOnce title={`New password for ${reset.data.operator.email}`} secret={reset.data.generatedPassword} testId="reset-password" />
      ) : null}
    </Card>
  );

  if (!canManage) return list;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="self-start lg:col-span-1">
        <NewOperatorForm />
      </Card>
      {list}
    </div>
  );
}
