import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Keyset paging: older pages by cursor, and back to the newest when paged. */
export function ListPager({ newestHref, olderHref }: { newestHref: string | null; olderHref: string | null }) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 border-t border-slate-200 px-5 py-3">
      {newestHref ? <Link className={buttonClass("ghost", "sm")} href={newestHref}>← Newest</Link> : <span />}
      {olderHref ? <Link className={buttonClass("secondary", "sm")} href={olderHref}>Older →</Link> : null}
    </nav>
  );
}
