import { handleHealthRequest } from "@/server/rest/check-health";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleHealthRequest();
}
