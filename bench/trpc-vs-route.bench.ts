import { listApplianceEditions } from "@/server/services/licensing/appliance-checkout";
import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";
import { startRestServer } from "../test/support/rest-server";
import { steady, steadyPair } from "./http-load";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "trpc-vs-route";
export const description =
  "a trivial public tRPC query (licensing.orderEditions, no database) through the real tRPC fetch adapter vs a plain route answering the same JSON, on one HTTP server at a steady 100 requests/s";

const RATE = 100;
const SECONDS_PER_ROUND = 4;
const ROUNDS = 4;
const ROUTE_PATH = "/bench/editions";
const PROCEDURE = "licensing.orderEditions";
/** What the typed client sends for one query without input (httpBatchLink: a batch of one). */
const TRPC_PATH = `/api/trpc/${PROCEDURE}`;
const TRPC_QUERY = `${TRPC_PATH}?batch=1&input=${encodeURIComponent("{}")}`;

export async function run({ log }: TBenchContext): Promise<TBenchMeasurements> {
  // One server, one node:http → fetch bridge: the plain route runs the
  // procedure's body and answers its JSON; the tRPC path adds the adapter
  // (context with principal resolution, batching, output validation, superjson).
  const server = await startRestServer({
    extraRoutes: {
      [ROUTE_PATH]: () => Response.json(listApplianceEditions(), { headers: { "cache-control": "no-store" } }),
      [TRPC_PATH]: handleTrpcRequest,
    },
  });
  try {
    const plain = await (await fetch(`${server.url}${ROUTE_PATH}`)).json();
    const viaTrpc = await fetch(`${server.url}${TRPC_QUERY}`);
    const body = (await viaTrpc.json()) as [{ result?: { data?: { json?: unknown } } }];
    if (viaTrpc.status !== 200 || JSON.stringify(body[0]?.result?.data?.json) !== JSON.stringify(plain)) {
      throw new Error(`${TRPC_QUERY} answered ${viaTrpc.status} ${JSON.stringify(body)}, not the route's ${JSON.stringify(plain)}`);
    }

    log(`trpc-vs-route: ${ROUNDS} rounds × ${SECONDS_PER_ROUND}s per side at ${RATE} requests/s`);
    const at = (path: string) => () => steady({ url: `${server.url}${path}`, rate: RATE, seconds: SECONDS_PER_ROUND });
    const { baseline, candidate } = await steadyPair({ rounds: ROUNDS, baseline: at(ROUTE_PATH), candidate: at(TRPC_QUERY) });
    return {
      metric: `request → response at ${RATE}/s`,
      baseline: { label: `GET ${ROUTE_PATH} (plain route, same JSON)`, samples: baseline },
      candidate: { label: `GET ${TRPC_PATH} (tRPC fetch adapter, batch of one)`, samples: candidate },
    };
  } finally {
    await server.close();
  }
}
