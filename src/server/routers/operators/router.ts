import { router } from "@/server/trpc/init";
import { changeOwnPasswordRoute } from "./change-own-password";
import { createOperatorRoute } from "./create-operator";
import { listOperatorsRoute } from "./list-operators";
import { resetOperatorPasswordRoute } from "./reset-operator-password";
import { setOperatorDisabledRoute } from "./set-operator-disabled";

/** Who operates this Embark: admins manage operators; every operator changes their own password. */
export const operatorsRouter = router({
  list: listOperatorsRoute,
  create: createOperatorRoute,
  setDisabled: setOperatorDisabledRoute,
  resetPassword: resetOperatorPasswordRoute,
  changeOwnPassword: changeOwnPasswordRoute,
});
