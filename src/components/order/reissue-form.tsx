"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { api } from "@/trpc/react";

/** /order/appliance/reissue: a new code by email; the answer is the same whether the address is known or not. */
export function ReissueForm() {
  const [email, setEmail] = useState("");
  const reissue = api.licensing.orderReissue.useMutation();
  if (reissue.data) return <Card className="p-6"><p role="status" className="text-sm text-slate-700">{reissue.data.message}</p></Card>;
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        reissue.mutate({ email });
      }}
    >
      <Card className="p-5">
        <Field id="email" label="Contact email" hint="The address your appliance was registered with.">
          <input id="email" type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="email" />
        </Field>
      </Card>
      {reissue.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{reissue.error.message}</p> : null}
      <Button type="submit" disabled={reissue.isPending}>{reissue.isPending ? "Sending…" : "Send me a new code"}</Button>
    </form>
  );
}
