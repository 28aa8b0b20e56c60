import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { OPERATOR_SUMMARY_SELECT, OPERATOR_WHERE, toOperatorSummary, type TOperatorSummary } from "./operator-summary";

/** Every operator, enabled first, then by email. */
export async function listOperators(opts: { db?: TDbOrTx } = {}): Promise<TOperatorSummary[]> {
  const db = opts.db ?? defaultDb();
  const rows = await db.user.findMany({
    where: OPERATOR_WHERE,
    select: OPERATOR_SUMMARY_SELECT,
    orderBy: [{ email: "asc" }],
  });
  const summaries = rows.map(toOperatorSummary);
  return [...summaries.filter((o) => !o.disabledAt), ...summaries.filter((o) => o.disabledAt)];
}
