"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { authClient } from "@/lib/auth-client";

type TFieldErrors = { email?: string; password?: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function validate(email: string, password: string): TFieldErrors {
  const errors: TFieldErrors = {};
  if (!email) errors.email = "Enter your email address.";
  else if (!EMAIL.test(email)) errors.email = "Enter a valid email address, like name@company.com.";
  if (!password) errors.password = "Enter your password.";
  return errors;
}

function formErrorFor(status: number): string {
  if (status === 401) return "Email or password is incorrect.";
  if (status === 429) return "Too many sign-in attempts. Wait a minute, then try again.";
  if (status === 403) return "This account cannot sign in here.";
  return "Sign-in failed. Try again in a moment.";
}

const noSubscription = () => () => undefined;

/** Email + password form; on success goes to `next` (already checked same-origin by the page). */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until React has hydrated, a click would submit the form natively; the
  // button waits, and method="post" keeps credentials out of any URL anyway.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const errors = validate(email, password);
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setPending(true);
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      setPending(false);
      setFormError(formErrorFor(error.status));
      passwordRef.current?.select();
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit} className="space-y-4"
      aria-describedby={formError ? "sign-in-error" : undefined}
    >
      {formError ? (
        <div id="sign-in-error" role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
          {formError}
        </div>
      ) : null}
      <Field id="email" label="Email" error={fieldErrors.email}>
        <input
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          className={inputClass}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? "email-error" : undefined}
        />
      </Field>
      <Field id="password" label="Password" error={fieldErrors.password}>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
        />
      </Field>
      <Button type="submit" disabled={pending || !hydrated} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
