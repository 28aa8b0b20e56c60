import { z } from "zod";
import { text } from "@/server/validation/text";
import { findTraces } from "@/server/services/trace/find-traces";
import { ZTraceMatch } from "@/server/services/trace/trace-timeline.types";
import { operatorProcedure } from "@/server/trpc/procedures";

/** Traces named by a trace id, job id, onboarding id, email address or tenant slug. */
export const findTracesRoute = operatorProcedure("viewer")
  .input(z.object({ q: text().trim().min(1, "Enter something to search for").max(320) }))
  .output(z.array(ZTraceMatch))
  .query(({ input }) => findTraces({ q: input.q }));
