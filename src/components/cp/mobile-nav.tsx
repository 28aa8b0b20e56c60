"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { Sidebar } from "./sidebar";

/** The sidebar as a menu on small screens; it closes when a page is chosen. */
export function MobileNav() {
  const pathname = usePathname();
  // Open only for the page it was opened on, so choosing a page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpenOn(open ? null : pathname)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        Menu
      </button>
      {open ? (
        <div id="mobile-nav" className="absolute left-4 z-10 mt-2 w-64 rounded-md bg-slate-900 p-3 shadow-lg">
          <Sidebar />
        </div>
      ) : null}
    </div>
  );
}
