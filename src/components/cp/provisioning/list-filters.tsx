import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { REGION_NAMES } from "./format";

/** A select of a list's filters: its URL parameter, label and choices, and its width when not the usual. */
export type TListFilterSelect = {
  name: string;
  label: string;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
  className?: string;
};

/**
 * Search, status and region filters (each left out when not given, plus any
 * further selects) as a plain GET form, so a filtered list is a link people can
 * share and the back button works. `path` is the form's action and the Clear
 * link, and may end in a #fragment.
 */
export function ListFilters(props: {
  path: string;
  statuses?: readonly string[];
  /** How a status reads in the select, when not as it is stored. */
  statusLabels?: Readonly<Record<string, string>>;
  regions?: readonly string[];
  selects?: readonly TListFilterSelect[];
  values: { q?: string; status?: string; region?: string } & Record<string, string | undefined>;
  searchLabel?: string;
  searchPlaceholder?: string;
}) {
  const { values } = props;
  const filtered = Object.values(values).some(Boolean);
  const selectClass = cn(inputClass, "mt-1 h-10 pr-8");
  const selects: TListFilterSelect[] = [
    ...(props.statuses
      ? [{ name: "status", label: "Status", anyLabel: "Any status", options: props.statuses.map((s) => ({ value: s, label: props.statusLabels?.[s] ?? s })) }]
      : []),
    ...(props.regions
      ? [{ name: "region", label: "Region", anyLabel: "Any region", options: props.regions.map((r) => ({ value: r, label: `${REGION_NAMES[r] ?? r} (${r})` })) }]
      : []),
    ...(props.selects ?? []),
  ];
  return (
    <form action={props.path} method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4">
      {props.searchLabel ? (
        /* With further selects the search gets a row of its own, so the selects fit on the next one. */
        <div className={props.selects?.length ? "w-full" : "w-full sm:w-auto sm:min-w-72 sm:flex-1"}>
          <label htmlFor="filter-q" className="block text-xs font-medium text-slate-600">{props.searchLabel}</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder={props.searchPlaceholder}
            className={cn(inputClass, "mt-1 h-10")}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      ) : null}
      {selects.map((s) => (
        <div key={s.name} className={s.className ?? "min-w-36 flex-1 sm:flex-none"}>
          <label htmlFor={`filter-${s.name}`} className="block text-xs font-medium text-slate-600">{s.label}</label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={values[s.name] ?? ""} className={selectClass}>
            <option value="">{s.anyLabel}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex gap-2">
        <button type="submit" className={cn(buttonClass("secondary"), "h-10")}>Filter</button>
        {filtered ? (
          <Link href={props.path} className={cn(buttonClass("ghost"), "h-10")}>Clear</Link>
        ) : null}
      </div>
    </form>
  );
}
