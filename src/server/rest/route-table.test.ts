import { describe, expect, it } from "vitest";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { buildRouteTable, matchRoute } from "./route-table";

const out = z.object({});
const testRouter = router({
  getJob: publicProcedure
    .meta({ openapi: { method: "GET", path: "/v1/jobs/{job_id}" } })
    .input(z.object({ job_id: z.string() }))
    .output(out)
    .query(() => ({})),
  createTenant: publicProcedure
    .meta({ openapi: { method: "POST", path: "/v1/tenants" }, successStatus: 202 })
    .input(z.object({ name: z.string() }))
    .output(out)
    .mutation(() => ({})),
  notRest: publicProcedure.output(out).query(() => ({})),
});

describe("route table", () => {
  const routes = buildRouteTable(testRouter);

  it("lists only procedures with openapi meta, with their success status", () => {
    expect(routes.map((r) => [r.method, r.path, r.procedurePath, r.successStatus])).toEqual([
      ["GET", "/v1/jobs/{job_id}", "getJob", undefined],
      ["POST", "/v1/tenants", "createTenant", 202],
    ]);
  });

  it("matches path parameters and ignores a trailing slash", () => {
    expect(matchRoute(routes, "GET", "/v1/jobs/job_01/")).toMatchObject({ kind: "route", route: { procedurePath: "getJob" } });
  });

  it("tells a wrong method from an unknown path", () => {
    expect(matchRoute(routes, "DELETE", "/v1/tenants")).toEqual({ kind: "wrongMethod", allowed: ["POST"] });
    expect(matchRoute(routes, "GET", "/v1/jobs")).toEqual({ kind: "none" });
    expect(matchRoute(routes, "GET", "/v1/jobs/a/b")).toEqual({ kind: "none" });
  });
});
