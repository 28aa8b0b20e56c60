import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth/auth";
import { withEmbarkErrorShape } from "@/server/http/auth-error-shape";

// The auth instance is built on the first request, so `next build` needs no secrets.
const handler = async (request: Request) => withEmbarkErrorShape(await getAuth().handler(request));

export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(handler);
