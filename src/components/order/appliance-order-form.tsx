"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { api } from "@/trpc/react";
import { InstallCodePanel } from "./install-code-panel";

const EDITION_TEXT: Record<string, { name: string; blurb: string }> = {
  essentials: { name: "Essentials", blurb: "Free. Runs offline, no licence check-in." },
  pro: { name: "Pro", blurb: "Monthly subscription. Signed licence, daily check-in." },
  premium: { name: "Premium", blurb: "Monthly subscription with everything in Pro and more." },
};

/** /order/appliance: company, contact email and edition; essentials gets its code here, paid editions go to Stripe Checkout. */
export function ApplianceOrderForm(props: { cancelled: boolean }) {
  const editions = api.licensing.orderEditions.useQuery();
  const order = api.licensing.order.useMutation({
    onSuccess: (answer) => {
      if (answer.kind === "checkout") window.location.assign(answer.checkout_url);
    },
  });
  const [company, setCompany] = useState("");
  const [email, setEmail] = useState("");
  const [edition, setEdition] = useState<"essentials" | "pro" | "premium">("essentials");

  if (order.data?.kind === "code") {
    return (
      <InstallCodePanel
        code={order.data.install_code}
        expiresAt={order.data.expires_at}
        downloadUrl={order.data.download_url}
        downloadUnavailableReason={order.data.download_unavailable_reason}
        email={email.trim().toLowerCase()}
      />
    );
  }
  const fieldErrors = new Map(
    ((order.error?.data as { details?: { path?: string[]; message: string }[] } | undefined)?.details ?? []).map((d) => [d.path?.[0], d.message]),
  );
  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        order.mutate({ company_name: company, contact_email: email, edition });
      }}
    >
      {props.cancelled ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">The checkout was cancelled; nothing was charged.</p> : null}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Edition</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {(editions.data ?? [{ edition: "essentials" as const, available: true }]).map((offer) => (
            <label
              key={offer.edition}
              className={cn(
                "flex cursor-pointer flex-col rounded-lg border bg-white p-4 text-sm shadow-sm",
                edition === offer.edition ? "border-indigo-500 ring-2 ring-indigo-500/30" : "border-slate-200",
                !offer.available && "cursor-not-allowed opacity-60",
              )}
            >
              <span className="flex items-center gap-2 font-semibold text-slate-900">
                <input
                  type="radio"
                  name="edition"
                  value={offer.edition}
                  checked={edition === offer.edition}
                  disabled={!offer.available}
                  onChange={() => setEdition(offer.edition)}
                />
                {EDITION_TEXT[offer.edition]!.name}
              </span>
              <span className="mt-1 text-slate-600">{EDITION_TEXT[offer.edition]!.blurb}</span>
              {offer.reason ? <span className="mt-2 text-xs text-slate-500">{offer.reason}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <Card className="space-y-4 p-5">
        <Field id="company" label="Company name" error={fieldErrors.get("company_name")}>
          <input id="company" className={inputClass} value={company} onChange={(e) => setCompany(e.target.value)} required minLength={2} maxLength={100} autoComplete="organization" />
        </Field>
        <Field id="email" label="Contact email" hint="The install code and the download link are sent here." error={fieldErrors.get("contact_email")}>
          <input id="email" type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
        </Field>
      </Card>
      {order.error && fieldErrors.size === 0 ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{order.error.message}</p> : null}
      <Button type="submit" disabled={order.isPending || order.data?.kind === "checkout"}>
        {order.isPending || order.data?.kind === "checkout" ? "Working…" : edition === "essentials" ? "Get my install code" : "Continue to payment"}
      </Button>
    </form>
  );
}
