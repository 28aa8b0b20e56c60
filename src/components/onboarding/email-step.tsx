"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { authClient } from "@/lib/auth-client";
import { FormError, StepHeading } from "./step-heading";
import { traceHeaders } from "./wizard-trace";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Step one: an email address, to which a one-time sign-in code goes. */
export function EmailStep(props: {
  email: string;
  onEmailChange: (email: string) => void;
  onCodeSent: (email: string) => void;
  notice?: string | null;
}) {
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = props.email.trim().toLowerCase();
    setFormError(null);
    if (!EMAIL.test(email)) {
      setFieldError(email ? "Enter a valid email address, like name@company.com." : "Enter your email address.");
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setPending(true);
    const { error } = await authClient.emailOtp.sendVerificationOtp({ email, type: "sign-in", fetchOptions: { headers: traceHeaders() } });
    setPending(false);
    if (error) {
      setFormError(
        error.status === 429
          ? "You asked for several codes in a short time. Wait a minute, then try again."
          : "We could not send a code just now. Try again in a moment.",
      );
      return;
    }
    props.onCodeSent(email);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="mx-auto max-w-md">
      <StepHeading description="We'll email you a 6-digit code to sign in. No password to remember.">
        Let&apos;s get your platform running
      </StepHeading>
      {props.notice ? (
        <p role="status" className="mb-5 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {props.notice}
        </p>
      ) : null}
      {formError ? <FormError id="email-form-error">{formError}</FormError> : null}
      <Field id="email" label="Work email" error={fieldError ?? undefined}>
        <input
          ref={inputRef}
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          placeholder="you@company.com"
          value={props.email}
          onChange={(e) => props.onEmailChange(e.target.value)}
          className={inputClass}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "email-error" : undefined}
        />
      </Field>
      <Button type="submit" disabled={pending} className="mt-5 w-full">
        {pending ? "Sending code…" : "Email me a code"}
      </Button>
      <p className="mt-6 text-center text-xs text-slate-500">
        Running Embark for your team?{" "}
        <Link href="/cp/sign-in" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
          Operators sign in here
        </Link>
        .
      </p>
    </form>
  );
}
