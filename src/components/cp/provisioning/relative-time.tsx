import { formatAgo } from "./format";

/**
 * How long ago, with the exact UTC time on hover. `now` comes from the page so
 * every row of one render agrees.
 */
export function RelativeTime({ value, now }: { value: Date | null | undefined; now: Date }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const iso = value.toISOString();
  return (
    <time dateTime={iso} title={`${iso.slice(0, 19).replace("T", " ")} UTC`}>
      {formatAgo(value, now)}
    </time>
  );
}
