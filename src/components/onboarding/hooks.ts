"use client";

import { createContext, useContext, useEffect, useState } from "react";

/** The current time, ticking every second while `active` (for elapsed times). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, 1000);
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(first);
    };
  }, [active]);
  return now;
}

/** `value` once it has stopped changing for `ms`. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Whether a step's heading takes focus when it appears: yes after the person
 * moved between steps, no on the first paint of the page.
 */
export const FocusHeadingContext = createContext(false);
export const useFocusHeading = () => useContext(FocusHeadingContext);
