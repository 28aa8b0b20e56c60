"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";

/**
 * Re-renders the page from the server while something on it is still moving,
 * so people watch a provision run without reloading. The next refresh is
 * scheduled `intervalMs` after the previous one has landed: a slow render
 * never piles up refreshes that cancel each other. Hidden tabs skip their turn.
 */
export function LiveRefresh({ active, intervalMs = 2000, label = "Updating live" }: { active: boolean; intervalMs?: number; label?: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // Bumped when a hidden tab skips its turn, to schedule the next one.
  const [skipped, setSkipped] = useState(0);
  useEffect(() => {
    if (!active || refreshing) return;
    const timer = window.setTimeout(() => {
      if (document.visibilityState === "visible") startRefresh(() => router.refresh());
      else setSkipped((n) => n + 1);
    }, intervalMs);
    return () => window.clearTimeout(timer);
  }, [active, refreshing, skipped, intervalMs, router]);
  if (!active) return null;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-indigo-700" data-testid="live-refresh" data-interval-ms={intervalMs}>
      <span aria-hidden className="relative flex h-2 w-2">
        <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-indigo-400 opacity-75" />
        <span className="relative inline-flex h-2 w-2 rounded-full bg-indigo-500" />
      </span>
      {label}
    </span>
  );
}
