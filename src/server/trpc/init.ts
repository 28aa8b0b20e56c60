import { initTRPC } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { OpenApiMeta } from "trpc-to-openapi";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import type { TContext } from "./context";
import { describeError, trpcErrorFromAppError } from "./error-mapping";
import { transformer } from "./transformer";

/**
 * Procedure metadata: `openapi` exposes a procedure on the REST surface;
 * `successStatus` is the REST status of a successful answer (202 for accepted work).
 */
export type TMeta = OpenApiMeta<{ successStatus?: 200 | 201 | 202 }>;

/** What the error answers carry in `error.data` (tRPC) and turn into `{ error }` (REST). */
export type TErrorData = {
  code: ReturnType<typeof describeError>["trpcCode"];
  httpStatus: number;
  appCode: string;
  details?: unknown;
  requestId?: string;
  path?: string;
};

// superjson applies to the tRPC transport only; the REST adapter calls
// procedures directly and answers plain JSON.
const t = initTRPC
  .context<TContext>()
  .meta<TMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx, path }) {
      const described = describeError(error);
      if (described.httpStatus >= 500) {
        (ctx?.log ?? logger).error({ err: error.cause ?? error, path }, "request failed");
      }
      const data: TErrorData = {
        code: described.trpcCode,
        httpStatus: described.httpStatus,
        appCode: described.code,
        requestId: ctx?.requestId,
        path: shape.data.path,
      };
      if (described.details !== undefined) data.details = described.details;
      return { message: described.message, code: TRPC_ERROR_CODES_BY_KEY[described.trpcCode], data };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * In tRPC v11 `next()` returns failures instead of throwing them. Re-raising an
 * AppError failure as a TRPCError of the mapped code makes server-side callers
 * and the REST adapter see the right code, not INTERNAL_SERVER_ERROR.
 */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw trpcErrorFromAppError(result.error.cause);
  return result;
});

/** Every procedure starts here. */
export const baseProcedure = t.procedure.use(mapAppErrors);
