import type { TFieldRow } from "@/server/rest/docs-model";
import { InlineCode } from "./inline-code";

export function FieldTable({ rows, location }: { rows: (TFieldRow & { in?: string })[]; location?: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">Field</th>
            {location && <th className="px-3 py-2 font-medium">In</th>}
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={`${row.in ?? ""}:${row.name}`} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-[13px]" style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}>
                <span className="text-slate-900">{row.name.split(".").at(-1)}</span>
                {row.required ? (
                  <span className="ml-1 text-rose-600" title="required">*</span>
                ) : (
                  <span className="ml-1 text-xs text-slate-400">optional</span>
                )}
              </td>
              {location && <td className="px-3 py-2 text-slate-600">{row.in}</td>}
              <td className="px-3 py-2 font-mono text-[13px] text-indigo-700">{row.type}</td>
              <td className="px-3 py-2 text-slate-600">{row.description ? <InlineCode text={row.description} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
