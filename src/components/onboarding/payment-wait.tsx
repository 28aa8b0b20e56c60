"use client";

import { Button, buttonClass } from "@/components/ui/button";

/**
 * A paid plan between checkout and Stripe's confirmation. Stripe sends the
 * buyer back with `checkout=success` or `checkout=cancelled`; the page polls
 * until the payment arrives.
 */
export function PaymentWait(props: { checkoutUrl: string | null; checkout: "success" | "cancelled" | null; onStartAnother: () => void }) {
  if (props.checkout === "cancelled") {
    return (
      <div className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="payment-panel">
        <p className="font-medium">Payment cancelled — nothing was charged.</p>
        <p className="mt-1">Your subdomain stays reserved for a day. Return to checkout whenever you are ready.</p>
        <div className="mt-4 flex flex-wrap gap-3">
          {props.checkoutUrl ? (
            <a href={props.checkoutUrl} className={buttonClass("primary")}>
              Return to checkout
            </a>
          ) : null}
          <Button variant="secondary" onClick={props.onStartAnother}>
            Start over
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="mb-6 flex gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4 text-sm text-indigo-900" data-testid="payment-panel">
      <span aria-hidden className="mt-0.5 h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />
      <div>
        <p className="font-medium">Waiting for Stripe to confirm your payment.</p>
        <p className="mt-1">This page updates by itself as soon as it arrives, usually within a few seconds.</p>
        {props.checkoutUrl && props.checkout !== "success" ? (
          <p className="mt-2">
            Closed the checkout page?{" "}
            <a href={props.checkoutUrl} className="font-medium underline underline-offset-2">
              Open it again
            </a>
            .
          </p>
        ) : null}
      </div>
    </div>
  );
}
