import { clsx } from "clsx";
import type { TDocsOperation } from "@/server/rest/docs-model";
import { FieldTable } from "./field-table";
import { InlineCode } from "./inline-code";
import { MethodBadge } from "./method-badge";

function statusColor(status: string): string {
  const n = Number(status);
  if (n < 300) return "text-emerald-700";
  if (n < 500) return "text-amber-700";
  return "text-rose-700";
}

export function OperationCard({ op }: { op: TDocsOperation }) {
  const success = op.responses.filter((r) => Number(r.status) < 400);
  const errors = op.responses.filter((r) => Number(r.status) >= 400);
  return (
    <article id={op.id} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
        <MethodBadge method={op.method} />
        <code className="font-mono text-[15px] font-semibold text-slate-900">{op.path}</code>
        <span
          className={clsx(
            "ml-auto rounded-full px-2.5 py-0.5 text-xs font-medium",
            op.protected ? "bg-slate-900 text-white" : "bg-slate-100 text-slate-600",
          )}
        >
          {op.protected ? "Bearer key" : "Public"}
        </span>
      </header>
      <div className="space-y-5 px-5 py-4">
        {(op.summary || op.description) && (
          <div>
            {op.summary && <h3 className="font-medium text-slate-900">{op.summary}</h3>}
            {op.description && (
              <p className="mt-1 text-sm text-slate-600">
                <InlineCode text={op.description} />
              </p>
            )}
          </div>
        )}
        {op.parameters.length > 0 && (
          <section>
            <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</h4>
            <FieldTable rows={op.parameters} location />
          </section>
        )}
        {op.body && (
          <section>
            <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Request body (JSON)</h4>
            <FieldTable rows={op.body} />
          </section>
        )}
        {success.map((r) => (
          <section key={r.status}>
            <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              Response <span className={statusColor(r.status)}>{r.status}</span>
              {r.schemaName && <span className="ml-2 font-mono normal-case text-slate-400">{r.schemaName}</span>}
            </h4>
            <FieldTable rows={r.fields} />
          </section>
        ))}
        {errors.length > 0 && (
          <section>
            <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Errors</h4>
            <ul className="flex flex-wrap gap-2 text-sm">
              {errors.map((r) => (
                <li key={r.status} className="rounded-md border border-slate-200 px-2 py-1">
                  <span className={clsx("font-mono font-semibold", statusColor(r.status))}>{r.status}</span>{" "}
                  <span className="text-slate-600">{r.description}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </article>
  );
}
