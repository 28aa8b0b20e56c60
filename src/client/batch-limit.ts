/**
 * The most calls one `/api/trpc` batch may carry. The server refuses larger
 * batches (400) so one request cannot start an unbounded number of
 * procedures at once; Embark's clients split their batches to fit.
 */
export const TRPC_MAX_BATCH_SIZE = 10;
