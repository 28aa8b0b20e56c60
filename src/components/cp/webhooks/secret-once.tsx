"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A signing secret right after it was made: copy it now, it is never shown again. */
export function SecretOnce({ secret, title, onDone }: { secret: string; title: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a denied permission): the text can still be selected.
      setCopied("failed");
    }
  };
  return (
    <div className="border-t border-emerald-200 bg-emerald-50 px-5 py-4" role="status">
      <p className="text-sm font-medium text-emerald-900">{title}</p>
      <p className="mt-0.5 text-xs text-emerald-800">Copy it now — it will not be shown again. Receivers use it to check the Embark-Signature header.</p>
      <code
        data-testid="webhook-secret"
        className="mt-2 block select-all break-all rounded bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-emerald-200"
      >
        {secret}
      </code>
      <div className="mt-2 flex gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
      {copied === "failed" ? <p className="mt-1.5 text-xs text-emerald-800">Copying is blocked here; select the secret and copy it by hand.</p> : null}
    </div>
  );
}
