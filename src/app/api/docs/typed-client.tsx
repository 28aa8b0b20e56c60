/** How a TypeScript app installs and calls the `@embark/client` package. */
export function TypedClient({ baseUrl }: { baseUrl: string | undefined }) {
  const build = ["# in a checkout of Embark: makes embark-client-0.1.0.tgz", "npm run client:build", "npm pack ./packages/client"].join("\n");
  const install = ["# in your app", "npm install ./embark-client-0.1.0.tgz"].join("\n");
  const use = [
    'import { createEmbarkClient, TRPCClientError } from "@embark/client";',
    "",
    "const embark = createEmbarkClient({",
    `  url: "${baseUrl ?? "https://embark.example.com"}",`,
    "  apiKey: process.env.EMBARK_API_KEY!,",
    "});",
    "const me = await embark.system.whoami.query();",
    "// typed input and output; dates arrive as Date",
    'const job = await embark.jobs.get.query({ job_id: "job_…" });',
  ].join("\n");
  return (
    <section id="typed-client" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">Typed client for TypeScript</h2>
      <p className="mt-1 text-sm text-slate-600">
        <code className="font-mono">@embark/client</code> calls the same API with types for every input and output. It depends on{" "}
        <code className="font-mono">@trpc/client</code> (and <code className="font-mono">superjson</code>) only, and works with{" "}
        <code className="font-mono">strict</code> and <code className="font-mono">moduleResolution: NodeNext</code>. Refusals are{" "}
        <code className="font-mono">TRPCClientError</code>s whose <code className="font-mono">data.appCode</code> is the error code above.
      </p>
      {[build, install, use].map((code) => (
        <pre key={code} className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-[13px] leading-relaxed text-slate-100">
          <code>{code}</code>
        </pre>
      ))}
    </section>
  );
}
