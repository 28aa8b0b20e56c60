import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { REGION_NAMES } from "./format";

/** A further select of a list's filters: its URL parameter, label and choices. */
export type TListFilterSelect = {
  name: string;
  label: string;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
};

/**
 * Search, status and region filters (plus any further selects) as a plain GET
 * form, so a filtered list is a link people can share and the back button works.
 */
export function ListFilters(props: {
  path: string;
  statuses: readonly string[];
  /** How a status reads in the select, when not as it is stored. */
  statusLabels?: Readonly<Record<string, string>>;
  regions: readonly string[];
  selects?: readonly TListFilterSelect[];
  values: { q?: string; status?: string; region?: string } & Record<string, string | undefined>;
  searchLabel: string;
  searchPlaceholder: string;
}) {
  const { values } = props;
  const filtered = Object.values(values).some(Boolean);
  const selectClass = cn(inputClass, "mt-1 h-10 pr-8");
  return (
    <form action={props.path} method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4">
      {/* With further selects the search gets a row of its own, so the selects fit on the next one. */}
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
      <div className="min-w-36 flex-1 sm:flex-none">
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">Status</label>
        <select id="filter-status" name="status" defaultValue={values.status ?? ""} className={selectClass}>
          <option value="">Any status</option>
          {props.statuses.map((s) => (
            <option key={s} value={s}>{props.statusLabels?.[s] ?? s}</option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1 sm:flex-none">
        <label htmlFor="filter-region" className="block text-xs font-medium text-slate-600">Region</label>
        <select id="filter-region" name="region" defaultValue={values.region ?? ""} className={selectClass}>
          <option value="">Any region</option>
          {props.regions.map((r) => (
            <option key={r} value={r}>{REGION_NAMES[r] ?? r} ({r})</option>
          ))}
        </select>
      </div>
      {props.selects?.map((s) => (
        <div key={s.name} className="min-w-36 flex-1 sm:flex-none">
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
