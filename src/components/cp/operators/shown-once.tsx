/** A secret the server returns once: shown in a box to copy, with who it is for. */
export function ShownOnce({ title, secret, testId }: { title: string; secret: string; testId: string }) {
  return (
    <div className="border-t border-slate-200 bg-emerald-50 px-5 py-4" role="status">
      <p className="text-sm font-medium text-emerald-900">{title}</p>
      <p className="mt-1 text-xs text-emerald-800">Copy it now and hand it over safely — it will not be shown again.</p>
      <code data-testid={testId} className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-emerald-200">
        {secret}
      </code>
    </div>
  );
}
