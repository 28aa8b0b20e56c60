"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { NAV_ITEMS } from "./nav-items";

const GROUPS = ["Provisioning", "Customers", "System"] as const;

export function Sidebar() {
  const pathname = usePathname();
  const linkClass = (active: boolean) =>
    cn(
      "flex items-center justify-between rounded-md px-3 py-1.5 text-sm font-medium",
      active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
    );
  return (
    <nav aria-label="Dashboard" className="flex flex-col gap-6">
      <Link href="/cp" className={linkClass(pathname === "/cp")} aria-current={pathname === "/cp" ? "page" : undefined}>
        Overview
      </Link>
      {GROUPS.map((group) => (
        <div key={group}>
          <p className="px-3 text-xs font-semibold uppercase tracking-wider text-slate-500">{group}</p>
          <ul className="mt-2 space-y-0.5">
            {NAV_ITEMS.filter((i) => i.group === group).map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link href={item.href} className={linkClass(active)} aria-current={active ? "page" : undefined}>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
