"use client";

import { useState } from "react";
import { api } from "@/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

export function ApiKeysPanel({ scopes, canManage }: { scopes: string[]; canManage: boolean }) {
  const utils = api.useUtils();
  const keys = api.apiKeys.list.useQuery(undefined, { enabled: canManage });
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [formError, setFormError] = useState<{ name?: string; scopes?: string }>({});
  const create = api.apiKeys.create.useMutation({
    onSuccess: () => {
      setName("");
      setChosen([]);
      void utils.apiKeys.list.invalidate();
    },
  });
  const revoke = api.apiKeys.revoke.useMutation({ onSuccess: () => void utils.apiKeys.list.invalidate() });

  if (!canManage) {
    return (
      <Card>
        <EmptyState title="Only admins manage API keys">Ask an admin to create a key for your integration.</EmptyState>
      </Card>
    );
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors = {
      name: name.trim() ? undefined : "Give the key a name, e.g. the system that will use it",
      scopes: chosen.length ? undefined : "Choose at least one scope",
    };
    setFormError(errors);
    if (!errors.name && !errors.scopes) create.mutate({ name: name.trim(), scopes: chosen as never });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-1">
        <CardHeader title="New key" description="The key is shown once, right after it is made." />
        <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate>
          <Field id="key-name" label="Name" error={formError.name}>
            <input
              id="key-name"
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={formError.name ? true : undefined}
              aria-describedby={formError.name ? "key-name-error" : undefined}
              placeholder="provision-workflow"
              maxLength={100}
            />
          </Field>
          <fieldset aria-describedby={formError.scopes ? "scopes-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">Scopes</legend>
            <div className="mt-2 grid grid-cols-1 gap-1.5">
              {scopes.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
                    checked={chosen.includes(s)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s] : c.filter((x) => x !== s)))}
                  />
                  <code className="text-xs">{s}</code>
                  {s === "*" ? <span className="text-xs text-slate-500">every scope</span> : null}
                </label>
              ))}
            </div>
            {formError.scopes ? <p id="scopes-error" role="alert" className="mt-1.5 text-sm text-rose-600">{formError.scopes}</p> : null}
          </fieldset>
          {create.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{create.error.message}</p> : null}
          <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create key"}</Button>
        </form>
        {create.data ? (
          <div className="border-t border-slate-200 bg-emerald-50 px-5 py-4" role="status">
            <p className="text-sm font-medium text-emerald-900">Copy this key now — it will not be shown again.</p>
            <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
              {create.data.key}
            </code>
          </div>
        ) : null}
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader title="Keys" />
        {keys.isLoading ? (
          <p className="px-5 py-6 text-sm text-slate-500">Loading…</p>
        ) : !keys.data?.length ? (
          <EmptyState title="No API keys yet">The internal key from the data dir works for every internal route.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Scopes</Th>
                <Th>Last used</Th>
                <Th><span className="sr-only">Actions</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <Td className="font-medium">{k.name}</Td>
                  <Td className="font-mono text-xs">{k.prefix}…</Td>
                  <Td className="max-w-xs whitespace-normal">
                    <div className="flex flex-wrap gap-1">{k.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</div>
                  </Td>
                  <Td><Time value={k.lastUsedAt} /></Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <Badge tone="bad">revoked</Badge>
                    ) : (
                      <ConfirmButton
                        variant="secondary"
                        size="sm"
                        disabled={revoke.isPending}
                        title={`Revoke "${k.name}"?`}
                        body="Callers using this key get 401 at once. A revoked key cannot be restored."
                        confirmLabel="Revoke key"
                        onConfirm={() => revoke.mutate({ id: k.id })}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
