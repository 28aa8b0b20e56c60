import { router } from "@/server/trpc/init";
import { computePlacementRoute } from "./compute-placement";

export const placementRouter = router({
  compute: computePlacementRoute,
});
