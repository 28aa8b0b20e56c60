/** A value of a form body in Stripe's bracket notation, once nested. */
export type TFormValue = string | TFormValue[] | { [key: string]: TFormValue };
export type TFormObject = { [key: string]: TFormValue };

/** Stripe's error object, as the API wraps it in `{ error: ... }`. */
export type TStripeError = { type: string; message: string; code?: string; param?: string };

/** A price the fake knows: amount in the currency's smallest unit; `interval` makes it recurring. */
export type TFakePrice = { unitAmount: number; currency: string; interval?: "day" | "week" | "month" | "year" };

/** A checkout line as the fake priced it. */
export type TPricedLine = { price: string | null; unitAmount: number; currency: string; quantity: number; recurring: boolean };

/**
 * Parses `application/x-www-form-urlencoded` with Stripe's bracket notation
 * (`line_items[0][price]=p&metadata[k]=v`) into nested objects; objects whose
 * keys are 0..n-1 become arrays, as Stripe reads them.
 */
export function parseStripeForm(raw: string): TFormObject {
  const root: TFormObject = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = keyPath(key);
    let node: { [key: string]: TFormValue } = root;
    path.forEach((segment, i) => {
      const name = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next !== "object" || next === null || Array.isArray(next)) node[name] = {};
      node = node[name] as { [key: string]: TFormValue };
    });
  }
  return arraysOf(root) as TFormObject;
}

function keyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open < 0) return [key];
  const rest = [...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
  return [key.slice(0, open), ...rest];
}

function arraysOf(value: TFormValue): TFormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(arraysOf);
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, arraysOf(value[k]!)] as const);
  const isList = keys.length > 0 && keys.every((k, i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

/** The same parameters serialise the same whatever their order: what Stripe compares an idempotent retry by. */
export function canonicalParams(value: TFormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalParams).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k]!)}`)
    .join(",")}}`;
}

const invalid = (message: string, param?: string, code?: string): TStripeError => ({
  type: "invalid_request_error",
  message,
  ...(code && { code }),
  ...(param && { param }),
});

const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, "parameter_missing");

const str = (v: TFormValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: TFormValue | undefined): TFormObject | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? v : undefined;

/**
 * Checks a `POST /v1/checkout/sessions` body the way Stripe does for the
 * parameters Embark sends, and prices its lines. `prices` undefined accepts
 * any `price_` id at `fallback`.
 */
export function priceCheckoutLines(
  params: TFormObject,
  prices: Record<string, TFakePrice> | undefined,
  fallback: TFakePrice,
): { lines: TPricedLine[] } | { error: TStripeError } {
  const mode = str(params.mode);
  if (!mode) return { error: missing("mode") };
  if (!["payment", "subscription", "setup"].includes(mode)) {
    return { error: invalid(`Invalid mode: must be one of payment, setup, or subscription`, "mode", "parameter_invalid_string") };
  }
  if (!str(params.success_url) && str(params.ui_mode) !== "embedded") return { error: missing("success_url") };
  const items = params.line_items;
  if (mode !== "setup" && (!Array.isArray(items) || items.length === 0)) return { error: missing("line_items") };
  const lines: TPricedLine[] = [];
  for (const [i, item] of (Array.isArray(items) ? items : []).entries()) {
    const line = priceLine(obj(item) ?? {}, `line_items[${i}]`, prices, fallback);
    if ("error" in line) return line;
    lines.push(line);
  }
  if (mode === "subscription" && !lines.some((l) => l.recurring)) {
    return { error: invalid("You must provide at least one recurring price in `subscription` mode when using prices.", "line_items") };
  }
  if (new Set(lines.map((l) => l.currency)).size > 1) {
    return { error: invalid("All prices on a Checkout Session must have the same currency.", "line_items") };
  }
  return { lines };
}

function priceLine(
  item: TFormObject,
  at: string,
  prices: Record<string, TFakePrice> | undefined,
  fallback: TFakePrice,
): TPricedLine | { error: TStripeError } {
  const quantity = Number(str(item.quantity) ?? "1");
  if (!Number.isInteger(quantity) || quantity < 1) return { error: invalid(`Invalid integer: ${str(item.quantity)}`, `${at}[quantity]`) };
  const priceId = str(item.price);
  const data = obj(item.price_data);
  if (priceId) {
    const known = prices ? prices[priceId] : priceId.startsWith("price_") ? fallback : undefined;
    if (!known) return { error: invalid(`No such price: '${priceId}'`, `${at}[price]`, "resource_missing") };
    return { price: priceId, unitAmount: known.unitAmount, currency: known.currency, quantity, recurring: Boolean(known.interval) };
  }
  if (!data) return { error: invalid(`You must specify either \`price\` or \`price_data\` in ${at}.`, `${at}[price]`, "parameter_missing") };
  const currency = str(data.currency);
  if (!currency) return { error: missing(`${at}[price_data][currency]`) };
  const unitAmount = Number(str(data.unit_amount));
  if (!Number.isInteger(unitAmount) || unitAmount < 0) return { error: missing(`${at}[price_data][unit_amount]`) };
  if (!str(data.product) && !str(obj(data.product_data)?.name)) return { error: missing(`${at}[price_data][product_data][name]`) };
  const interval = str(obj(data.recurring)?.interval);
  if (obj(data.recurring) && !["day", "week", "month", "year"].includes(interval ?? "")) {
    return { error: missing(`${at}[price_data][recurring][interval]`) };
  }
  return { price: null, unitAmount, currency: currency.toLowerCase(), quantity, recurring: Boolean(interval) };
}

/** Stripe's answer when the key is missing or not the one it knows. */
export function authenticationProblem(authorization: string | undefined, expected: string | undefined): TStripeError | null {
  const key = bearerOrBasicKey(authorization);
  if (!key) {
    return invalid(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const wrong = expected !== undefined ? key !== expected : !/^(sk|rk)_/.test(key);
  return wrong ? invalid(`Invalid API Key provided: ${maskKey(key)}`, undefined, "api_key_invalid") : null;
}

/** The API key of a request: Bearer, or HTTP Basic with the key as the user name. */
export function bearerOrBasicKey(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
  if (!basic) return null;
  const user = Buffer.from(basic, "base64").toString("utf8").split(":")[0];
  return user || null;
}

/** Keys appear in answers only as Stripe shows them: the prefix and the last four characters. */
export function maskKey(key: string): string {
  const prefix = /^(sk|rk)_(test|live)_/.exec(key)?.[0] ?? "";
  return `${prefix}${"*".repeat(Math.max(4, key.length - prefix.length - 4))}${key.slice(-4)}`;
}
