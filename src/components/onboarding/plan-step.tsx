"use client";

import { REGION_NAMES } from "@/components/cp/provisioning/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { api } from "@/trpc/react";
import { Breakable } from "@/components/ui/breakable";
import type { TPlanOffer, TPlanOffers } from "@/server/services/payments/plan-offers";
import { TIERS, type TTier } from "./draft";
import { FormError, StepHeading } from "./step-heading";

const PLAN_COPY: Record<TTier, { name: string; blurb: string }> = {
  starter: { name: "Starter", blurb: "Runs on shared servers in your region. The easy way to start." },
  growth: { name: "Growth", blurb: "Shared servers with room to grow. A subscription, billed through Stripe." },
  scale: { name: "Scale", blurb: "A dedicated stack: servers of your own. A subscription, billed through Stripe." },
};

/** Step four: the plan. A paid plan this server cannot sell is shown, disabled, with the reason. */
export function PlanStep(props: {
  tier: TTier;
  onTierChange: (tier: TTier) => void;
  onBack: () => void;
  onSubmit: (tier: TTier) => void;
  pending: boolean;
  tierError?: string;
  generalError?: string | null;
  summary: { platformName: string; slug: string; region: string; tenantBaseDomain: string };
  initialPlans: TPlanOffers;
}) {
  // The server rendered what is on offer; the query adds the prices, which take a Stripe call.
  const plans = api.onboarding.plans.useQuery(undefined, { staleTime: 60_000, placeholderData: props.initialPlans });
  const availability = plans.data ?? props.initialPlans;
  const pricesPending = plans.isPlaceholderData || plans.isPending;
  // A remembered choice that is not on offer (any more) falls back to the free plan.
  const selected: TTier = availability[props.tier].available ? props.tier : "starter";
  const paid = availability[selected].paid;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.pending) return;
    props.onSubmit(selected);
  }

  return (
    <form noValidate onSubmit={onSubmit} data-prices-loaded={!pricesPending}>
      <StepHeading description="Start free, or pick a paid plan for more room. Every plan gets its own address and the same setup.">
        Choose a plan
      </StepHeading>
      <div className="mb-6 flex items-start justify-between gap-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
        <p className="min-w-0 flex-1 text-slate-700">
          <span className="block font-medium text-slate-900">{props.summary.platformName}</span>
          <span className="font-mono wrap-anywhere">
            <Breakable text={`${props.summary.slug}.${props.summary.tenantBaseDomain}`} />
          </span>
          <span className="text-slate-400"> · </span>
          {REGION_NAMES[props.summary.region] ?? props.summary.region}
        </p>
        <button
          type="button"
          onClick={props.onBack}
          className="shrink-0 rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Change<span className="sr-only"> platform details</span>
        </button>
      </div>
      {props.generalError ? <FormError id="plan-form-error">{props.generalError}</FormError> : null}
      <fieldset aria-describedby={props.tierError ? "tier-error" : undefined}>
        <legend className="sr-only">Plan</legend>
        <div className="space-y-3">
          {TIERS.map((tier) => {
            const a = availability[tier];
            const disabled = !a.available;
            const checked = selected === tier;
            const copy = PLAN_COPY[tier];
            return (
              <label
                key={tier}
                data-testid={`plan-${tier}`}
                className={cn(
                  "relative flex gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors sm:gap-4",
                  "has-checked:border-indigo-600 has-checked:bg-indigo-50/40 has-checked:ring-1 has-checked:ring-indigo-600",
                  "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600",
                  disabled ? "cursor-not-allowed bg-slate-50 shadow-none" : "cursor-pointer hover:border-indigo-300",
                )}
              >
                <input
                  type="radio"
                  name="tier"
                  value={tier}
                  checked={checked}
                  disabled={disabled}
                  onChange={() => props.onTierChange(tier)}
                  className="sr-only"
                  aria-describedby={`plan-${tier}-price plan-${tier}-blurb${a.reason ? ` plan-${tier}-reason` : ""}`}
                />
                <span
                  aria-hidden
                  className={cn(
                    "mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full border-2",
                    checked ? "border-indigo-600 bg-white" : disabled ? "border-slate-200 bg-slate-100" : "border-slate-300 bg-white",
                  )}
                >
                  {checked ? <span className="h-2.5 w-2.5 rounded-full bg-indigo-600" /> : null}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="flex items-center justify-between gap-3">
                    <span className="flex min-w-0 items-center gap-2">
                      <span className={cn("font-semibold", disabled ? "text-slate-500" : "text-slate-900")}>{copy.name}</span>
                      {a.paid ? <Badge tone="info">Paid</Badge> : null}
                    </span>
                    <PlanPrice id={`plan-${tier}-price`} offer={a} pending={pricesPending} />
                  </span>
                  <span id={`plan-${tier}-blurb`} className={cn("mt-1 block text-sm", disabled ? "text-slate-500" : "text-slate-600")}>
                    {copy.blurb}
                  </span>
                  {!a.available ? (
                    <span id={`plan-${tier}-reason`} className="mt-3 block rounded-md bg-amber-50 px-3 py-2 text-xs leading-5 break-words text-amber-900">
                      {a.reason ?? "Not available to buy here yet."}
                    </span>
                  ) : null}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {props.tierError ? (
        <p id="tier-error" role="alert" className="mt-3 text-sm text-rose-600">
          {props.tierError}
        </p>
      ) : null}
      <div className="mt-8 flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button type="button" variant="secondary" onClick={props.onBack} className="w-full sm:w-auto">
          Back
        </Button>
        <div className="flex flex-col gap-2 sm:items-end">
          <Button type="submit" disabled={props.pending} className="w-full sm:w-auto">
            {props.pending ? (paid ? "Opening checkout…" : "Creating your platform…") : paid ? "Continue to payment" : "Create my platform"}
          </Button>
          {paid ? <p className="text-xs text-slate-500">You&apos;ll pay on Stripe&apos;s checkout page, then come back here.</p> : null}
        </div>
      </div>
    </form>
  );
}

/**
 * A plan's price, on one line of fixed height whatever it holds (the price,
 * a placeholder while Stripe is asked, or nothing), so the card keeps its size
 * when the price arrives.
 */
function PlanPrice({ id, offer, pending }: { id: string; offer: TPlanOffer; pending: boolean }) {
  const box = "flex h-6 shrink-0 items-center whitespace-nowrap text-sm tabular-nums";
  if (!offer.paid) return <span id={id} className={cn(box, "font-medium text-slate-900")} data-testid="plan-price">Free</span>;
  if (!offer.available) return <span id={id} className={box} data-testid="plan-price" />;
  if (offer.price) return <span id={id} className={cn(box, "font-medium text-slate-900")} data-testid="plan-price">{offer.price.display}</span>;
  if (pending) {
    return (
      <span id={id} className={box} data-testid="plan-price" aria-busy>
        <span aria-hidden className="block h-4 w-20 animate-pulse rounded bg-slate-100" />
        <span className="sr-only">Loading the price</span>
      </span>
    );
  }
  return <span id={id} className={cn(box, "text-xs text-slate-500")} data-testid="plan-price">Price shown at checkout</span>;
}
