"use client";

import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { CardHeader } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { ROLE_HINTS } from "./role-hints";
import { ShownOnce } from "./shown-once";

type TErrors = { name?: string; email?: string };

/** An admin adds an operator; the generated password is shown once beneath the form. */
export function NewOperatorForm() {
  const utils = api.useUtils();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<(typeof OPERATOR_ROLES)[number]>("viewer");
  const [errors, setErrors] = useState<TErrors>({});
  const create = api.operators.create.useMutation({
    onSuccess: () => {
      setName("");
      setEmail("");
      void utils.operators.list.invalidate();
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: TErrors = {
      name: name.trim() ? undefined : "Enter the person's name.",
      email: /^[^\s@]+@[^\s@]+$/.test(email.trim()) ? undefined : "Enter a valid email address, like name@company.com.",
    };
    setErrors(found);
    if (!found.name && !found.email) create.mutate({ name: name.trim(), email: email.trim(), role });
  };

  return (
    <>
      <CardHeader title="Add an operator" description="They sign in with their email and the password shown once below." />
      <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate>
        <Field id="operator-name" label="Name" error={errors.name}>
          <input
            id="operator-name"
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "operator-name-error" : undefined}
            maxLength={100}
            autoComplete="off"
          />
        </Field>
        <Field id="operator-email" label="Email" error={errors.email}>
          <input
            id="operator-email"
            type="email"
            className={inputClass}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "operator-email-error" : undefined}
            autoComplete="off"
          />
        </Field>
        <Field id="operator-role" label="Role" hint={ROLE_HINTS[role]}>
          <select
            id="operator-role"
            className={inputClass}
            value={role}
            onChange={(e) => setRole(e.target.value as typeof role)}
            aria-describedby="operator-role-hint"
          >
            {OPERATOR_ROLES.map((r) => (
              <option key={r} value={r}>{r[0]!.toUpperCase() + r.slice(1)}</option>
            ))}
          </select>
        </Field>
        {create.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{create.error.message}</p> : null}
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add operator"}</Button>
      </form>
      {create.data ? (
        <ShownOnce
          title={`Password for ${create.data.operator.email}`}
          secret={create.data.generatedPassword}
          testId="new-operator-password"
        />
      ) : null}
    </>
  );
}
