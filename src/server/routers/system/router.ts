import { router } from "@/server/trpc/init";
import { internalWhoamiRoute } from "./internal-whoami";
import { whoamiRoute } from "./whoami";

export const systemRouter = router({
  whoami: whoamiRoute,
  internalWhoami: internalWhoamiRoute,
});
