import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../test/support/db";
import { startTrpcServer, type TTrpcServer } from "../../test/support/trpc-server";
import { env } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createEmbarkClient, TRPCClientError, type AppRouter } from "./index";

let server: TTrpcServer;
let url: string;
const seenAuthorization: string[] = [];

beforeAll(async () => {
  server = await startTrpcServer({ onRequest: (req) => seenAuthorization.push(req.headers.authorization ?? "") });
  url = server.url;
});

afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  await resetDatabase({ jobs: false });
});

describe("createEmbarkClient", () => {
  it("calls procedures with the internal key as a bearer token", async () => {
    const client = createEmbarkClient({ url: `${url}/`, apiKey: env().INTERNAL_API_KEY });
    const me = await client.system.whoami.query();
    expect(me).toMatchObject({ kind: "internal", scopes: ["*"] });
    expect(seenAuthorization.at(-1)).toBe(`Bearer ${env().INTERNAL_API_KEY}`);
  });

  it("works with an API key and batches parallel calls into one request", async () => {
    const created = await createApiKey({ name: "sdk", scopes: ["system:read"], actor: { id: null, label: "test" } });
    const client = createEmbarkClient({ url, apiKey: created.key });
    const before = seenAuthorization.length;
    const [a, b] = await Promise.all([client.system.whoami.query(), client.system.internalWhoami.query()]);
    expect(seenAuthorization.length - before).toBe(1);
    expect(a).toMatchObject({ kind: "apiKey", id: created.id, name: "sdk" });
    expect(b.requestId).toBe(a.requestId);
  });

  it("surfaces refusals as TRPCClientError with Embark's code and status", async () => {
    const client = createEmbarkClient({ url, apiKey: "emb_wrong" });
    const err = await client.system.whoami.query().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const data = (err as TRPCClientError<AppRouter>).data;
    expect(data).toMatchObject({ appCode: "UNAUTHORIZED", httpStatus: 401 });
  });

  it("uses the fetch it is given", async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const client = createEmbarkClient({ url, apiKey: env().INTERNAL_API_KEY, fetch: counting });
    await client.system.whoami.query();
    expect(calls).toBe(1);
  });

  it("signs up a tenant and reads its provision job with typed inputs and outputs", async () => {
    await startJobRuntime({ role: "web" });
    try {
      const client = createEmbarkClient({ url, apiKey: env().INTERNAL_API_KEY });
      const created = await client.tenants.create.mutate({ company_name: "Typed Co", subdomain_slug: "typed-co", plan: "growth" });
      expect(created).toMatchObject({ status: "Pending", job_id: expect.stringMatching(/^job_/) });
      const job = await client.jobs.get.query({ job_id: created.job_id });
      // Dates come back as dates: the client and server share a transformer.
      expect(job.created_at).toBeInstanceOf(Date);
      expect(job).toMatchObject({ tenant_id: created.tenant_id, status: "Pending", tenant: { slug: "typed-co", plan: "growth" } });
      expect(job.stages.map((s) => s.name)).toContain("ansible");
      await expect(client.tenants.create.mutate({ company_name: "Typed Co", subdomain_slug: "typed-co" })).rejects.toMatchObject({
        data: { code: "CONFLICT", httpStatus: 409 },
      });
    } finally {
      await stopJobRuntime();
    }
  });
});
