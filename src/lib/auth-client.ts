"use client";

import { emailOTPClient, inferAdditionalFields } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/**
 * The browser side of auth: operators sign in with a password, wizard users
 * with an emailed code. Same-origin, so no base URL is needed.
 */
export const authClient = createAuthClient({
  plugins: [
    emailOTPClient(),
    inferAdditionalFields({ user: { role: { type: "string", required: false, input: false } } }),
  ],
});
