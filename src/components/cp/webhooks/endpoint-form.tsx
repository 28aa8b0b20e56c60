"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { WEBHOOK_EVENT_TYPES, type TWebhookEventType } from "@/server/services/webhooks/event-types";
import { EVENT_DESCRIPTIONS } from "./event-labels";

export type TEndpointFormValues = { url: string; description: string; events: TWebhookEventType[] };

/** URL, description and events of an endpoint, checked here first so mistakes show beside their field. */
export function EndpointForm(props: {
  idPrefix: string;
  initial?: TEndpointFormValues;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: string;
  onSubmit: (values: TEndpointFormValues) => void;
  onCancel?: () => void;
}) {
  const [url, setUrl] = useState(props.initial?.url ?? "");
  const [description, setDescription] = useState(props.initial?.description ?? "");
  const [events, setEvents] = useState<TWebhookEventType[]>(props.initial?.events ?? []);
  const [errors, setErrors] = useState<{ url?: string; events?: string }>({});
  const id = (name: string) => `${props.idPrefix}-${name}`;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = { url: urlProblem(url.trim()), events: events.length ? undefined : "Choose at least one event" };
    setErrors(next);
    if (!next.url && !next.events) props.onSubmit({ url: url.trim(), description: description.trim(), events });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id={id("url")} label="Endpoint URL" error={errors.url} hint="Embark POSTs each event here as JSON.">
        <input
          id={id("url")}
          type="url"
          inputMode="url"
          className={inputClass}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={errors.url ? `${id("url")}-error` : `${id("url")}-hint`}
          placeholder="https://example.com/hooks/embark"
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <Field id={id("description")} label="Description (optional)">
        <input
          id={id("description")}
          className={inputClass}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          placeholder="CRM sync"
          maxLength={500}
        />
      </Field>
      <fieldset aria-describedby={errors.events ? `${id("events")}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events</legend>
        <div className="mt-2 space-y-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2.5 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-indigo-600"
                checked={events.includes(type)}
                onChange={(e) => setEvents((c) => (e.target.checked ? [...c, type] : c.filter((x) => x !== type)))}
              />
              <span>
                <code className="text-xs font-medium text-slate-900">{type}</code>
                <span className="block text-xs text-slate-500">{EVENT_DESCRIPTIONS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.events ? <p id={`${id("events")}-error`} role="alert" className="mt-1.5 text-sm text-rose-600">{errors.events}</p> : null}
      </fieldset>
      {props.error ? <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{props.error}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={props.pending}>{props.pending ? props.pendingLabel : props.submitLabel}</Button>
        {props.onCancel ? <Button type="button" variant="ghost" onClick={props.onCancel}>Cancel</Button> : null}
      </div>
    </form>
  );
}

function urlProblem(value: string): string | undefined {
  if (!value) return "Enter the URL that should receive events";
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return "Enter a full URL, starting with https://";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "The URL must start with https:// or http://";
  if (!parsed.hostname) return "The URL needs a host name";
  if (parsed.username || parsed.password) return "Leave the user name and password out of the URL";
  return undefined;
}
