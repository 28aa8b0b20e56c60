"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

const MIN = 12;
type TErrors = { current?: string; next?: string; repeat?: string };

function validate(current: string, next: string, repeat: string): TErrors {
  return {
    current: current ? undefined : "Enter your current password.",
    next: next.length >= MIN ? (next === current ? "Choose a password different from the current one." : undefined) : `Use at least ${MIN} characters.`,
    repeat: repeat === next ? undefined : "The two new passwords differ.",
  };
}

/** Changes the signed-in operator's password; every session ends, so it leads to sign-in. */
export function ChangePasswordForm() {
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<TErrors>({});
  const change = api.operators.changeOwnPassword.useMutation({
    onSuccess: () => router.push("/cp/sign-in?next=%2Fcp%2Faccount&changed=1"),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = validate(current, next, repeat);
    setErrors(found);
    if (!found.current && !found.next && !found.repeat) change.mutate({ currentPassword: current, newPassword: next });
  };

  const input = (id: string, label: string, value: string, set: (v: string) => void, error: string | undefined, autoComplete: string) => (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        type="password"
        className={inputClass}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete={autoComplete}
        maxLength={128}
      />
    </Field>
  );

  return (
    <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate>
      {input("current-password", "Current password", current, setCurrent, errors.current, "current-password")}
      {input("new-password", "New password", next, setNext, errors.next, "new-password")}
      {input("repeat-password", "New password again", repeat, setRepeat, errors.repeat, "new-password")}
      <p className="text-sm text-slate-500">At least {MIN} characters. Changing it signs you out everywhere, this browser too.</p>
      {change.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{change.error.message}</p> : null}
      <Button type="submit" disabled={change.isPending}>{change.isPending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
