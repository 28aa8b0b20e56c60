"use client";

import { useEffect, useState } from "react";
import type { inferRouterInputs } from "@trpc/server";
import { authClient } from "@/lib/auth-client";
import { api } from "@/trpc/react";
import type { AppRouter } from "@/server/trpc/root";
import type { TPlanOffers } from "@/server/services/payments/plan-offers";
import { CodeStep, type TSignedInUser } from "./code-step";
import { CompanyStep, type TCompanyValues } from "./company-step";
import { clearDraft, emptyDraft, readDraft, writeDraft, type TDraft, type TTier } from "./draft";
import { EmailStep } from "./email-step";
import { wizardErrorOf, type TFieldErrors } from "./field-errors";
import { trackFunnelDebug, useFunnelDebugStream } from "./funnel-debug";
import { FocusHeadingContext } from "./hooks";
import { PlanStep } from "./plan-step";
import { SessionView } from "./session-view";
import { Stepper } from "./stepper";
import { WizardHeader } from "./wizard-header";
import { currentTraceId, startNewTrace } from "./wizard-trace";

type TCreateInput = inferRouterInputs<AppRouter>["onboarding"]["create"];
type TUtils = ReturnType<typeof api.useUtils>;

type TView =
  | { kind: "resolving" }
  | { kind: "email"; notice?: string }
  | { kind: "code" }
  | { kind: "company"; errors?: TFieldErrors; general?: string | null }
  | { kind: "plan" }
  | { kind: "session"; id: string };

export type TWizardProps = {
  user: TSignedInUser | null;
  regions: readonly string[];
  defaultRegion: string;
  tenantBaseDomain: string;
  /** `?session=` — Stripe Checkout sends the buyer back with it. */
  sessionId: string | null;
  checkout: "success" | "cancelled" | null;
  /** The plans as this server's configuration offers them, so the plan step renders whole at once; prices follow. */
  initialPlans: TPlanOffers;
  /** `?simulate_failure_stage=`, passed on to create (demos and tests; local runner only). */
  simulateFailureStage: string | null;
};

/**
 * Where a person lands: an unfinished or failed setup shows its progress, a
 * finished one its result (unless they began another), otherwise the step
 * they were on before a reload.
 */
async function startingView(opts: { utils: TUtils; user: TSignedInUser | null; sessionId: string | null; draft: TDraft }): Promise<TView> {
  const { draft } = opts;
  if (!opts.user) return draft.step === "code" && draft.email ? { kind: "code" } : { kind: "email" };
  if (opts.sessionId) return { kind: "session", id: opts.sessionId };
  const latest = await opts.utils.onboarding.mine.fetch();
  const formStep = draft.step === "plan" && draft.platformName && draft.slug ? "plan" : "company";
  if (latest && latest.status !== "completed") return { kind: "session", id: latest.onboardingId };
  if (latest && !(draft.step === "company" || draft.step === "plan")) return { kind: "session", id: latest.onboardingId };
  return { kind: formStep };
}

/** The signup wizard: email → code → platform → plan → progress → done. */
export function OnboardingWizard(props: TWizardProps) {
  const utils = api.useUtils();
  const [user, setUser] = useState(props.user);
  const [view, setView] = useState<TView>({ kind: "resolving" });
  const [focusHeadings, setFocusHeadings] = useState(false);
  const [draft, setDraft] = useState<TDraft>(() => emptyDraft(props.defaultRegion));
  const [codeSentAt, setCodeSentAt] = useState<number | null>(null);
  const [sessionParam, setSessionParam] = useState(props.sessionId);
  const [planErrors, setPlanErrors] = useState<{ tier?: string; general: string | null }>({ general: null });
  const create = api.onboarding.create.useMutation();
  useFunnelDebugStream(view.kind);

  const { user: initialUser, sessionId, defaultRegion, regions } = props;
  useEffect(() => {
    let current = true;
    currentTraceId();
    const stored = readDraft({ region: defaultRegion, regions });
    const settle = (next: TView) => {
      if (!current) return;
      setDraft(stored);
      setView(next);
    };
    startingView({ utils, user: initialUser, sessionId, draft: stored }).then(settle, () =>
      settle(initialUser ? { kind: "company", general: "We could not look up your earlier setups. You can start a new one." } : { kind: "email" }),
    );
    return () => {
      current = false;
    };
  }, [utils, initialUser, sessionId, defaultRegion, regions]);

  // Remember the form (never a code) while the person is still filling it in.
  useEffect(() => {
    if (view.kind === "email" || view.kind === "code" || view.kind === "company" || view.kind === "plan") {
      writeDraft({ ...draft, step: view.kind });
    }
  }, [draft, view.kind]);

  function go(next: TView) {
    setFocusHeadings(true);
    setView(next);
  }

  const update = (change: Partial<TDraft>) => setDraft((d) => ({ ...d, ...change }));

  /** Drops `?session=` and `?checkout=` from the address, keeping the demo switch. */
  function forgetSessionParam() {
    setSessionParam(null);
    const url = new URL(window.location.href);
    url.searchParams.delete("session");
    url.searchParams.delete("checkout");
    window.history.replaceState(null, "", url);
  }

  async function onSignedIn(who: TSignedInUser) {
    trackFunnelDebug("signed_in", { step: "code" });
    setUser(who);
    setCodeSentAt(null);
    const next = await startingView({ utils, user: who, sessionId: sessionParam, draft }).catch((): TView => ({ kind: "company" }));
    go(next);
  }

  async function signOut() {
    trackFunnelDebug("signed_out");
    await authClient.signOut();
    clearDraft();
    startNewTrace();
    forgetSessionParam();
    utils.onboarding.invalidate();
    setUser(null);
    setDraft(emptyDraft(props.defaultRegion));
    go({ kind: "email" });
  }

  function startAnother() {
    trackFunnelDebug("started_another", { step: "session" });
    forgetSessionParam();
    startNewTrace();
    setDraft((d) => ({ ...emptyDraft(props.defaultRegion), email: d.email }));
    setPlanErrors({ general: null });
    go({ kind: "company" });
  }

  async function submit(tier: TTier) {
    if (!user) return go({ kind: "email", notice: "Sign in again to finish setting up your platform." });
    setPlanErrors({ general: null });
    trackFunnelDebug("plan_submitted", { step: "plan", properties: { tier, region: draft.region } });
    const input: TCreateInput = {
      platformName: draft.platformName.trim(),
      slug: draft.slug,
      tier,
      userId: user.id,
      region: draft.region as TCreateInput["region"],
      traceId: currentTraceId(),
      ...(props.simulateFailureStage
        ? { simulate_failure_stage: props.simulateFailureStage as TCreateInput["simulate_failure_stage"] }
        : {}),
    };
    try {
      const session = await create.mutateAsync(input);
      clearDraft();
      trackFunnelDebug("onboarding_created", { step: "plan", properties: { onboarding_id: session.onboardingId, tier } });
      if (session.checkoutUrl) {
        trackFunnelDebug("checkout_redirect", { step: "plan", properties: { tier } });
        window.location.assign(session.checkoutUrl);
        return;
      }
      utils.onboarding.get.setData({ id: session.onboardingId }, session);
      go({ kind: "session", id: session.onboardingId });
    } catch (err) {
      const error = wizardErrorOf(err);
      trackFunnelDebug("onboarding_create_failed", { step: "plan", properties: { fields: Object.keys(error.fields).join(",") || null } });
      if (error.signedOut) {
        setUser(null);
        return go({ kind: "email", notice: "Your sign-in expired. Sign in again; what you entered is kept." });
      }
      const { tier: tierError, ...companyErrors } = error.fields;
      if (Object.keys(companyErrors).length > 0) return go({ kind: "company", errors: companyErrors, general: error.general });
      setPlanErrors({ tier: tierError, general: error.general });
    }
  }

  const companyValues: TCompanyValues = {
    platformName: draft.platformName,
    slug: draft.slug,
    slugEdited: draft.slugEdited,
    region: draft.region,
  };
  const stepIndex = view.kind === "company" ? 1 : view.kind === "plan" ? 2 : 0;

  return (
    <FocusHeadingContext value={focusHeadings}>
      <WizardHeader email={user?.email ?? null} onSignOut={signOut} />
      {/* One width for every step, so the card and the stepper above it never jump between steps. */}
      <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
        {view.kind === "session" ? (
          <SessionView
            key={view.id}
            id={view.id}
            checkout={sessionParam === view.id ? props.checkout : null}
            onStartAnother={startAnother}
            onSignInAgain={() => {
              setUser(null);
              go({ kind: "email" });
            }}
          />
        ) : (
          <>
            <Stepper current={stepIndex} />
            <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8" data-testid="wizard-card">
              {view.kind === "resolving" ? (
                <div role="status" aria-busy className="space-y-3">
                  <span className="sr-only">Loading…</span>
                  <div className="h-7 w-1/2 animate-pulse rounded bg-slate-100" />
                  <div className="h-4 w-2/3 animate-pulse rounded bg-slate-100" />
                  <div className="h-10 animate-pulse rounded bg-slate-50" />
                </div>
              ) : null}
              {view.kind === "email" ? (
                <EmailStep
                  email={draft.email}
                  notice={view.notice}
                  onEmailChange={(email) => update({ email })}
                  onCodeSent={(email) => {
                    trackFunnelDebug("code_requested", { step: "email", email });
                    update({ email });
                    setCodeSentAt(Date.now());
                    go({ kind: "code" });
                  }}
                />
              ) : null}
              {view.kind === "code" ? (
                <CodeStep
                  email={draft.email}
                  sentAt={codeSentAt}
                  onResent={() => {
                    trackFunnelDebug("code_resent", { step: "code" });
                    setCodeSentAt(Date.now());
                  }}
                  onSignedIn={onSignedIn}
                  onChangeEmail={() => go({ kind: "email" })}
                />
              ) : null}
              {view.kind === "company" ? (
                <CompanyStep
                  values={companyValues}
                  onChange={update}
                  onContinue={() => {
                    trackFunnelDebug("company_submitted", { step: "company", properties: { region: draft.region } });
                    go({ kind: "plan" });
                  }}
                  regions={props.regions}
                  tenantBaseDomain={props.tenantBaseDomain}
                  serverErrors={view.errors}
                  generalError={view.general}
                />
              ) : null}
              {view.kind === "plan" ? (
                <PlanStep
                  tier={draft.tier}
                  onTierChange={(tier) => update({ tier })}
                  onBack={() => go({ kind: "company" })}
                  onSubmit={submit}
                  pending={create.isPending}
                  tierError={planErrors.tier}
                  generalError={planErrors.general}
                  summary={{ ...companyValues, tenantBaseDomain: props.tenantBaseDomain }}
                  initialPlans={props.initialPlans}
                />
              ) : null}
            </div>
          </>
        )}
      </main>
    </FocusHeadingContext>
  );
}
