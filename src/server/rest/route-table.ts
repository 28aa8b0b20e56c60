import { forEachOpenApiProcedure, getPathRegExp, normalizePath, type OpenApiRouter } from "trpc-to-openapi";

export type TRestRoute = {
  method: string;
  /** The path as written in `meta.openapi.path`, e.g. `/v1/jobs/{job_id}`. */
  path: string;
  regexp: RegExp;
  procedurePath: string;
  successStatus?: number;
};

export type TRouteMatch =
  | { kind: "route"; route: TRestRoute }
  | { kind: "wrongMethod"; allowed: string[] }
  | { kind: "none" };

/** Every REST route the router exposes, for 404/405 answers and success statuses. */
export function buildRouteTable(router: OpenApiRouter): TRestRoute[] {
  const routes: TRestRoute[] = [];
  forEachOpenApiProcedure(router._def.procedures, ({ path, meta }) => {
    const openapi = meta.openapi;
    const successStatus = (meta as { successStatus?: number }).successStatus;
    const normalized = normalizePath(openapi.path);
    routes.push({
      method: openapi.method,
      path: openapi.path,
      regexp: getPathRegExp(normalized),
      procedurePath: path,
      successStatus,
    });
  });
  return routes;
}

/** Matches like the adapter does: trailing slashes ignored, case-insensitive. */
export function matchRoute(routes: TRestRoute[], method: string, pathname: string): TRouteMatch {
  const path = normalizePath(pathname);
  const onPath = routes.filter((r) => r.regexp.test(path));
  if (onPath.length === 0) return { kind: "none" };
  const route = onPath.find((r) => r.method === method);
  if (route) return { kind: "route", route };
  return { kind: "wrongMethod", allowed: [...new Set(onPath.map((r) => r.method))] };
}
