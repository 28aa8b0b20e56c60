import { PgBoss } from "pg-boss";
import { logger } from "@/server/logger";

/** pg-boss keeps its tables in their own schema, apart from Prisma's. */
export const BOSS_SCHEMA = "pgboss";

/**
 * How often a worker's supervisor looks for jobs whose heartbeat stopped (and
 * expired ones), and for lost jobs to run again. pg-boss's default, 60 s,
 * would add up to a minute to every crash recovery.
 */
export const SUPERVISE_SECONDS = 5;

/**
 * A PgBoss instance for this process. Workers need LISTEN/NOTIFY to wake in
 * milliseconds instead of a polling interval; a send-only process does not
 * hold the extra listening connection, nor run maintenance or cron passes.
 */
export function createBoss(opts: { connectionString: string; works: boolean; name: string }): PgBoss {
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: BOSS_SCHEMA,
    application_name: opts.name,
    instanceName: opts.name,
    max: opts.works ? 8 : 4,
    useListenNotify: opts.works,
    supervise: opts.works,
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    schedule: opts.works,
    migrate: true,
  });
  // An EventEmitter with no `error` listener throws: pg-boss reports transient
  // database trouble this way and keeps going, so it is logged, not fatal.
  boss.on("error", (err) => logger.error({ err }, "background-job runtime error"));
  boss.on("warning", (w) => logger.warn({ warning: w.message, data: w.data }, "background-job runtime warning"));
  return boss;
}

type TBossSlot = { boss?: PgBoss };
const slot = ((globalThis as typeof globalThis & { __embarkBoss?: TBossSlot }).__embarkBoss ??= {});

/** The running instance, if the runtime was started in this process. */
export function currentBoss(): PgBoss | undefined {
  return slot.boss;
}

export function setCurrentBoss(boss: PgBoss | undefined): void {
  slot.boss = boss;
}
