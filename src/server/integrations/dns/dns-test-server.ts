import dns2 from "dns2";

const { Packet } = dns2;

export type TDnsTestServer = {
  /** `127.0.0.1:<port>`, for DNS_RESOLVERS. */
  address: string;
  /** name → CNAME target; names absent answer NXDOMAIN. Change it at any time. */
  cnames: Map<string, string>;
  /** Names asked about, in order. */
  queries: string[];
  close(): Promise<void>;
};

/** An authoritative-style DNS server on loopback (UDP) answering CNAME queries from a map. */
export async function startDnsTestServer(): Promise<TDnsTestServer> {
  const cnames = new Map<string, string>();
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = (question?.name ?? "").toLowerCase().replace(/\.$/, "");
      queries.push(name);
      const target = cnames.get(name);
      if (target) {
        // Plain records are encoded by type, as the library documents.
        response.answers.push({ name: question!.name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: 30, domain: target } as unknown as (typeof response.answers)[number]);
      } else {
        response.header.rcode = Packet.RCODE.NXDOMAIN;
      }
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
  return {
    address: `127.0.0.1:${addresses.udp!.port}`,
    cnames,
    queries,
    close: () => server.close(),
  };
}
