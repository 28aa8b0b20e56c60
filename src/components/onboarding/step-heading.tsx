"use client";

import { useEffect, useRef } from "react";
import { useFocusHeading } from "./hooks";

/**
 * A step's title. It takes focus when the step appears (after the first
 * paint), so keyboard and screen reader users start reading at the new step.
 */
export function StepHeading({ children, description }: { children: React.ReactNode; description?: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focus = useFocusHeading();
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="mb-6">
      <h1 ref={ref} tabIndex={-1} className="text-xl font-semibold tracking-tight text-slate-900 outline-none sm:text-2xl">
        {children}
      </h1>
      {description ? <div className="mt-2 text-sm leading-6 text-slate-600">{description}</div> : null}
    </div>
  );
}

/** The general error area of a step: errors that belong to no one field. */
export function FormError({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <div id={id} role="alert" className="mb-5 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
      {children}
    </div>
  );
}
