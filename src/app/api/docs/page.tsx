import type { Metadata } from "next";
import Link from "next/link";
import { buildDocsModel, type TOpenApiLike } from "@/server/rest/docs-model";
import { openApiDocument } from "@/server/rest/handle-openapi-request";
import { InlineCode } from "./inline-code";
import { MethodBadge } from "./method-badge";
import { OperationCard } from "./operation-card";
import { TypedClient } from "./typed-client";

// The document names this deployment's URL, known only at runtime.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API reference" };

export default function ApiDocsPage() {
  const model = buildDocsModel(openApiDocument() as unknown as TOpenApiLike);
  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-6 py-10">
      <nav className="sticky top-10 hidden h-fit w-60 shrink-0 lg:block" aria-label="Endpoints">
        <Link href="/" className="text-sm font-semibold uppercase tracking-wider text-indigo-600">
          Embark
        </Link>
        {model.groups.map((group) => (
          <div key={group.tag} className="mt-6">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.tag}</p>
            <ul className="mt-2 space-y-1">
              {group.operations.map((op) => (
                <li key={op.id}>
                  <a href={`#${op.id}`} className="flex items-center gap-2 rounded px-1 py-0.5 text-[13px] hover:bg-slate-100">
                    <span className="scale-90">
                      <MethodBadge method={op.method} />
                    </span>
                    <span className="truncate font-mono text-slate-700">{op.path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main className="min-w-0 flex-1">
        <header className="border-b border-slate-200 pb-6">
          <h1 className="text-3xl font-bold tracking-tight">{model.title} API reference</h1>
          <p className="mt-1 text-sm text-slate-500">
            Version {model.version}
            {model.baseUrl && (
              <>
                {" · "}base URL <code className="font-mono text-slate-700">{model.baseUrl}</code>
              </>
            )}
            {" · "}
            <a href="/api/openapi.json" className="text-indigo-600 hover:underline">
              openapi.json
            </a>
          </p>
          {model.description && (
            <p className="mt-4 max-w-3xl text-slate-700">
              <InlineCode text={model.description} />
            </p>
          )}
          <p className="mt-3 max-w-3xl text-sm text-slate-600">
            Errors always answer <code className="font-mono">{'{ "error": { "code", "message", "details"? } }'}</code> with
            the matching 4xx or 5xx status. TypeScript apps can use the{" "}
            <a href="#typed-client" className="text-indigo-600 hover:underline">
              typed client
            </a>{" "}
            instead.
          </p>
          <TypedClient baseUrl={model.baseUrl} />
        </header>
        {model.groups.map((group) => (
          <section key={group.tag} className="mt-10">
            <h2 className="mb-4 text-xl font-semibold capitalize">{group.tag}</h2>
            <div className="space-y-6">
              {group.operations.map((op) => (
                <OperationCard key={op.id} op={op} />
              ))}
            </div>
          </section>
        ))}
      </main>
    </div>
  );
}
