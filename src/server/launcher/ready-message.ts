/** A secret shown once: a title and its lines, printed framed after the server is up. */
export type TLaunchNotice = { title: string; lines: string[] };

/** What scripts/embark.ts hands the resident launcher (scripts/serve.mjs) once setup is done. */
export type TLaunchReady = {
  type: "ready";
  /** The environment the server runs with. */
  env: NodeJS.ProcessEnv;
  port: number;
  notices: TLaunchNotice[];
  /** The embedded Postgres this run started, which the launcher stops after the app; null when none or not ours. */
  postgres: { pid: number; dataDir: string } | null;
};
