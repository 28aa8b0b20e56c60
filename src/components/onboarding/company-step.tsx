"use client";

import { useRef, useState } from "react";
import { REGION_NAMES } from "@/components/cp/provisioning/format";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { api } from "@/trpc/react";
import type { TFieldErrors } from "./field-errors";
import { Breakable } from "@/components/ui/breakable";
import { useDebouncedValue } from "./hooks";
import { friendlyMessage, normalizeSlugInput, slugFromName } from "./slug";
import { FormError, StepHeading } from "./step-heading";

export type TCompanyValues = { platformName: string; slug: string; slugEdited: boolean; region: string };

/** Step three: the platform's name, its subdomain (checked as it is typed) and its region. */
export function CompanyStep(props: {
  values: TCompanyValues;
  onChange: (values: Partial<TCompanyValues>) => void;
  onContinue: () => void;
  regions: readonly string[];
  tenantBaseDomain: string;
  /** Errors the server gave for these fields on the last submit. */
  serverErrors?: TFieldErrors;
  generalError?: string | null;
}) {
  const { values } = props;
  const utils = api.useUtils();
  const [errors, setErrors] = useState<TFieldErrors>(props.serverErrors ?? {});
  const [general, setGeneral] = useState<string | null>(props.generalError ?? null);
  const [checking, setChecking] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const slugRef = useRef<HTMLInputElement>(null);

  const settledSlug = useDebouncedValue(values.slug, 350);
  const check = api.tenants.checkSlug.useQuery({ slug: settledSlug }, { enabled: settledSlug.length > 0, retry: false });
  const settled = settledSlug === values.slug && !check.isFetching;

  function edit(change: Partial<TCompanyValues>, field: keyof TFieldErrors) {
    setErrors((prev) => {
      const next = { ...prev };
      delete next[field];
      return next;
    });
    props.onChange(change);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setGeneral(null);
    const next: TFieldErrors = {};
    const name = values.platformName.trim();
    if (name.length < 2) next.platformName = name ? "The platform name must be at least 2 characters." : "Enter your platform's name.";
    if (!values.slug) next.slug = "Choose a subdomain for your platform's address.";
    if (!next.slug) {
      setChecking(true);
      try {
        const result = await utils.tenants.checkSlug.fetch({ slug: values.slug });
        if (!result.available) next.slug = friendlyMessage(result.reason ?? "this subdomain is not available");
      } catch {
        setGeneral("We could not check the subdomain just now. Try again in a moment.");
        return;
      } finally {
        setChecking(false);
      }
    }
    setErrors(next);
    if (next.platformName) return nameRef.current?.focus();
    if (next.slug) return slugRef.current?.focus();
    props.onContinue();
  }

  const address = `https://${values.slug || "your-platform"}.${props.tenantBaseDomain}`;
  return (
    <form noValidate onSubmit={onSubmit} className="mx-auto max-w-xl">
      <StepHeading description="This is how your platform is named and where it lives. You can't change the address later.">
        Tell us about your platform
      </StepHeading>
      {general ? <FormError id="company-form-error">{general}</FormError> : null}
      <div className="space-y-5">
        <Field id="platformName" label="Platform name" hint="Your company or product, as your users will see it." error={errors.platformName}>
          <input
            ref={nameRef}
            id="platformName"
            name="platformName"
            type="text"
            autoComplete="organization"
            maxLength={100}
            placeholder="Acme Robotics"
            value={values.platformName}
            onChange={(e) =>
              edit({ platformName: e.target.value, ...(values.slugEdited ? {} : { slug: slugFromName(e.target.value) }) }, "platformName")
            }
            className={inputClass}
            aria-invalid={errors.platformName ? true : undefined}
            aria-describedby={errors.platformName ? "platformName-error" : "platformName-hint"}
          />
        </Field>

        <div className="space-y-1.5">
          <label htmlFor="slug" className="block text-sm font-medium text-slate-800">
            Subdomain
          </label>
          <input
            ref={slugRef}
            id="slug"
            name="slug"
            type="text"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            maxLength={100}
            placeholder="acme-robotics"
            value={values.slug}
            onChange={(e) => edit({ slug: normalizeSlugInput(e.target.value), slugEdited: e.target.value !== "" }, "slug")}
            className={cn(inputClass, "font-mono")}
            aria-invalid={errors.slug || (settled && check.data && !check.data.available) ? true : undefined}
            aria-describedby="slug-status slug-address"
          />
          {errors.slug ? (
            <p id="slug-status" role="alert" className="text-sm text-rose-600" data-testid="slug-status">
              {errors.slug}
            </p>
          ) : (
            <p id="slug-status" aria-live="polite" className="min-h-5 text-sm" data-testid="slug-status">
              <SlugStatus slug={values.slug} settled={settled} check={check} />
            </p>
          )}
          <p id="slug-address" className="text-sm wrap-anywhere text-slate-500">
            Your address:{" "}
            <span className="font-mono text-slate-700">
              <Breakable text={address} />
            </span>
          </p>
        </div>

        <Field id="region" label="Region" hint="Where your platform's servers run. Pick the one closest to most of your users." error={errors.region}>
          <select
            id="region"
            name="region"
            value={values.region}
            onChange={(e) => edit({ region: e.target.value }, "region")}
            className={inputClass}
            aria-invalid={errors.region ? true : undefined}
            aria-describedby={errors.region ? "region-error" : "region-hint"}
          >
            {props.regions.map((r) => (
              <option key={r} value={r}>
                {REGION_NAMES[r] ?? r} ({r})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="mt-8 flex justify-end">
        <Button type="submit" disabled={checking} className="w-full sm:w-auto">
          {checking ? "Checking…" : "Continue to plans"}
        </Button>
      </div>
    </form>
  );
}

function SlugStatus(props: {
  slug: string;
  settled: boolean;
  check: { data?: { available: boolean; reason: string | null }; isError: boolean };
}) {
  if (!props.slug) return <span className="text-slate-500">Lowercase letters, digits and hyphens, 3 to 40 characters.</span>;
  if (!props.settled) return <span className="text-slate-500">Checking availability…</span>;
  if (props.check.isError) return <span className="text-amber-700">We could not check this subdomain just now.</span>;
  if (!props.check.data) return <span className="text-slate-500">Checking availability…</span>;
  if (props.check.data.available) {
    return (
      <span className="inline-flex items-center gap-1 font-medium text-emerald-700">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path fillRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" clipRule="evenodd" />
        </svg>
        Available
      </span>
    );
  }
  return <span className="text-rose-600">{friendlyMessage(props.check.data.reason ?? "this subdomain is not available")}</span>;
}
