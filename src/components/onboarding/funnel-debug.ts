"use client";

import { useEffect } from "react";
import { clientOnboardingDebug } from "@/env";
import { DEBUG_FUNNEL_LOG_PATH, type TDebugFunnelEventName, type TDebugFunnelStep } from "@/lib/funnel-debug-events";
import { FunnelDebugQueue, uuidV4, type TDebugEvent } from "./funnel-debug-queue";
import { currentTraceId } from "./wizard-trace";

/**
 * The wizard's debug stream (staging only). Fixed at build time: with
 * NEXT_PUBLIC_ONBOARDING_DEBUG off, nothing here queues, times or sends.
 */
const ENABLED = clientOnboardingDebug();
const FLUSH_EVERY_MS = 5000;
const SESSION_KEY = "embark.onboarding.funnel-session";

let queue: FunnelDebugQueue | null = null;
let tabSession: string | null = null;

/** One id per tab, so the events of one person's way through the wizard group together. */
function funnelSessionId(): string {
  try {
    const stored = window.sessionStorage.getItem(SESSION_KEY);
    if (stored) return stored;
    const id = `fs_${uuidV4()}`;
    window.sessionStorage.setItem(SESSION_KEY, id);
    return id;
  } catch {
    tabSession ??= `fs_${uuidV4()}`;
    return tabSession;
  }
}

/** Taken, or refused for good (a 4xx other than 429): either way not worth sending again. */
const settled = (status: number) => status < 300 || (status >= 400 && status < 500 && status !== 429);

function debugQueue(): FunnelDebugQueue | null {
  if (!ENABLED || typeof window === "undefined") return null;
  queue ??= new FunnelDebugQueue({
    context: () => ({ trace_id: currentTraceId(), session_id: funnelSessionId() }),
    transport: {
      post: async (body) => {
        const res = await fetch(DEBUG_FUNNEL_LOG_PATH, {
          method: "POST",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          keepalive: true,
          body,
        });
        return settled(res.status);
      },
      beacon: (body) => navigator.sendBeacon(DEBUG_FUNNEL_LOG_PATH, new Blob([body], { type: "application/json" })),
    },
  });
  return queue;
}

/** Queues a debug event (nothing when the stream is off). */
export function trackFunnelDebug(name: TDebugFunnelEventName, extra: Pick<TDebugEvent, "step" | "email" | "properties"> = {}): void {
  debugQueue()?.track(name, extra);
}

/**
 * Runs the stream for the wizard: `wizard_started` once, `step_viewed` and a
 * flush on every step change, a flush on a timer, and a beacon when the page
 * is hidden or left.
 */
export function useFunnelDebugStream(step: TDebugFunnelStep): void {
  useEffect(() => {
    const q = debugQueue();
    if (!q) return;
    q.track("wizard_started");
    const timer = window.setInterval(() => void q.flush(), FLUSH_EVERY_MS);
    const onHidden = () => {
      if (document.visibilityState === "hidden") q.flushWithBeacon();
    };
    const onPageHide = () => q.flushWithBeacon();
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, []);

  useEffect(() => {
    const q = debugQueue();
    if (!q) return;
    q.track("step_viewed", { step });
    void q.flush();
  }, [step]);
}
