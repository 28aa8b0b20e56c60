"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { authClient } from "@/lib/auth-client";
import { cn } from "@/lib/cn";
import { FormError, StepHeading } from "./step-heading";
import { traceHeaders } from "./wizard-trace";

/** Seconds before another code may be asked for (the server allows three a minute). */
const RESEND_AFTER_S = 30;

export type TSignedInUser = { id: string; email: string };

function codeErrorFor(error: { code?: string; status: number; message?: string }): string {
  if (error.code === "INVALID_OTP") return "That code is not right. Check the email and try again.";
  if (error.code === "OTP_EXPIRED") return "That code has expired. Send a new code below.";
  if (error.code === "TOO_MANY_ATTEMPTS") return "Too many wrong tries for this code. Send a new code below.";
  if (error.status === 429) return "Too many tries in a short time. Wait a minute, then try again.";
  if (error.status === 403) return `${error.message ?? "This account cannot sign in with a code"}.`;
  return "We could not check the code just now. Try again in a moment.";
}

/** Step two: the 6-digit code from the email; signs the person in (a new address gets an account). */
export function CodeStep(props: {
  email: string;
  /** When the last code went out (ms), or null when unknown (after a reload). */
  sentAt: number | null;
  onResent: () => void;
  onSignedIn: (user: TSignedInUser) => void;
  onChangeEmail: () => void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [resending, setResending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const wait = useResendWait(props.sentAt);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    setFormError(null);
    if (!/^\d{6}$/.test(code)) {
      setError("Enter the 6-digit code from the email.");
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    const { data, error: failed } = await authClient.signIn.emailOtp({ email: props.email, otp: code, fetchOptions: { headers: traceHeaders() } });
    setPending(false);
    if (failed || !data) {
      setError(codeErrorFor(failed ?? { status: 500 }));
      inputRef.current?.select();
      return;
    }
    setError(null);
    props.onSignedIn({ id: data.user.id, email: data.user.email });
  }

  async function resend() {
    setNotice(null);
    setFormError(null);
    setResending(true);
    const { error: failed } = await authClient.emailOtp.sendVerificationOtp({
      email: props.email,
      type: "sign-in",
      fetchOptions: { headers: traceHeaders() },
    });
    setResending(false);
    if (failed) {
      setFormError(
        failed.status === 429
          ? "You asked for several codes in a short time. Wait a minute, then try again."
          : "We could not send a new code just now. Try again in a moment.",
      );
      return;
    }
    setCode("");
    setError(null);
    setNotice(`We sent a new code to ${props.email}. Earlier codes no longer work.`);
    props.onResent();
    inputRef.current?.focus();
  }

  return (
    <form noValidate onSubmit={onSubmit} className="mx-auto max-w-md">
      <StepHeading
        description={
          <>
            We sent a 6-digit code to <strong className="font-medium text-slate-900">{props.email}</strong>. It works once
            and expires in 5 minutes.
          </>
        }
      >
        Check your email
      </StepHeading>
      {formError ? <FormError id="code-form-error">{formError}</FormError> : null}
      <div className="space-y-1.5">
        <label htmlFor="code" className="block text-sm font-medium text-slate-800">
          Sign-in code
        </label>
        <input
          ref={inputRef}
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          placeholder="123456"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
          className={cn(inputClass, "text-center indent-[0.5em] font-mono text-2xl tracking-[0.5em]")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-error" : "code-hint"}
        />
        {error ? (
          <p id="code-error" role="alert" className="text-sm text-rose-600">
            {error}
          </p>
        ) : (
          <p id="code-hint" className="text-sm text-slate-500">
            Can&apos;t find it? Look in your spam folder.
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending} className="mt-5 w-full">
        {pending ? "Checking…" : "Verify and continue"}
      </Button>
      <div className="mt-5 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        <button
          type="button"
          onClick={resend}
          disabled={resending || wait > 0}
          className="rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline"
        >
          {resending ? "Sending…" : wait > 0 ? `Resend code in ${wait} s` : "Resend code"}
        </button>
        <button
          type="button"
          onClick={props.onChangeEmail}
          className="rounded text-slate-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Use a different email
        </button>
      </div>
      <p role="status" className="mt-4 text-sm text-emerald-700">
        {notice}
      </p>
    </form>
  );
}

/** Seconds left before a resend is allowed. */
function useResendWait(sentAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const waiting = sentAt !== null && now - sentAt < RESEND_AFTER_S * 1000;
  useEffect(() => {
    if (sentAt === null || !waiting) return;
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [sentAt, waiting]);
  return sentAt === null ? 0 : Math.max(0, Math.ceil((sentAt + RESEND_AFTER_S * 1000 - now) / 1000));
}
