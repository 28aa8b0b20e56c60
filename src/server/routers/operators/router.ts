import { router } from "@/server/trpc/init";
import { changeOwnPasswordRoute } from "./change-own-password";
import { createOperatorRoute } from "./create-operator";
import { listOperatorsRoute } from "./list-operators";
import { resetOperatorPasswordRoute } from "./reset-operator-password";
import { setOperatorDisabledRoute } from "./set-operator-disabled";

/** Who operates this Embark: every operator sees the list and changes their own password; admins manage the rest. */
export const operatorsRouter = router({
  list: listOperatorsRoute,
  create: createOperatorRoute,
  setDisabled: setOperatorDisabledRoute,
  resetPassword: resetOperatorPasswordRoute,
  changeOwnPassword: changeOwnPasswordRoute,
});
