/** What the integration global setup hands each test worker (vitest `provide`/`inject`). */
export type TTestDatabaseContext = {
  /** URL of a maintenance database on the test server, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Migrated template every worker database is cloned from. */
  template: string;
  /** Prefix of every database this run creates, so teardown finds them. */
  prefix: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    embarkTestDatabase: TTestDatabaseContext;
  }
}
