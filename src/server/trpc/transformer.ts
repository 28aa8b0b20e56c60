import type { TRPCCombinedDataTransformer } from "@trpc/server";
import superjson, { type SuperJSONResult } from "superjson";

/**
 * superjson, except that an input's `meta.referentialEqualities` is ignored.
 * Those make parts of the input the same object, so a caller could send a
 * cycle (which `JSON.stringify` and Prisma choke on) or a few bytes that fan
 * out into an exponential tree. superjson's `json` already holds every
 * shared value in full at each place, so inputs keep their values, only not
 * their identity. Answers go out as plain superjson; clients need nothing else.
 */
export const transformer: TRPCCombinedDataTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown) => {
      if (typeof payload !== "object" || payload === null || !("meta" in payload)) return superjson.deserialize(payload as SuperJSONResult);
      const { meta, ...rest } = payload as SuperJSONResult & { meta: unknown };
      const kept = typeof meta === "object" && meta !== null ? { ...meta, referentialEqualities: undefined } : meta;
      return superjson.deserialize({ ...rest, meta: kept } as SuperJSONResult);
    },
  },
  output: superjson,
};
