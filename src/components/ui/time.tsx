/** A timestamp shown in UTC, with the full ISO value on hover. */
export function Time({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const d = typeof value === "string" ? new Date(value) : value;
  const iso = d.toISOString();
  return (
    <time dateTime={iso} title={iso}>
      {iso.slice(0, 16).replace("T", " ")}
    </time>
  );
}
