import Link from "next/link";
import type { ReactNode } from "react";
import { Card, EmptyState } from "@/components/ui/card";

/** The "← List" link above a /cp detail page. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-indigo-700 hover:underline">← {label}</Link>
    </p>
  );
}

/**
 * The head of a /cp detail page: a back link, the title with its status badge
 * (and live refresh while the thing moves), lines below it, actions on the right.
 */
export function DetailHeader({
  back,
  title,
  status,
  children,
  actions,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  /** Status badge and live refresh, beside the title. */
  status: ReactNode;
  /** Lines under the title. */
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <>
      <BackLink {...back} />
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{title}</h1>
            {status}
          </div>
          {children}
        </div>
        {actions}
      </header>
    </>
  );
}

/** What a /cp page shows for an id or path that does not exist: inside the shell, with a way back. */
export function NotFoundPanel({
  back,
  title,
  children,
  width = "max-w-3xl",
}: {
  back: { href: string; label: string };
  title: string;
  children: ReactNode;
  width?: string;
}) {
  return (
    <div className={`mx-auto ${width}`}>
      <BackLink {...back} />
      <Card>
        <EmptyState title={title}>{children}</EmptyState>
      </Card>
    </div>
  );
}
