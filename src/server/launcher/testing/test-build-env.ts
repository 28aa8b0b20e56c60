/**
 * The NEXT_PUBLIC_* settings every production build made by the tests is made
 * with (the browser tests need the wizard's debug stream, fixed into the
 * browser code at build time). Every test that builds or starts `npm start`
 * passes them, so one build serves the launcher, replica and browser tests.
 */
export const TEST_BUILD_ENV = { NEXT_PUBLIC_ONBOARDING_DEBUG: "1" } as const;
