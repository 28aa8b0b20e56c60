import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./migration-adapter-factory";

export type { SchemaEngine };

type TPanicRegistry = { message: string; set_message(message: string): void };
const g = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: TPanicRegistry };

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** Imports the wasm engine once, without Node's experimental-feature warning for wasm modules. */
function loadEngine() {
  engineModule ??= (async () => {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      if (String(warning).includes("WebAssembly") || String(warning).includes("wasm")) return;
      return (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      return await import("@prisma/schema-engine-wasm");
    } finally {
      process.emitWarning = emitWarning;
    }
  })();
  return engineModule;
}

let engineCalls = 0;
let plainSetTimeout: typeof setTimeout | undefined;

/**
 * The engine arms a 10 s timer per call (its lock timeout) and never clears
 * it, which keeps a finished CLI or test run alive for 10 s. While the engine
 * is in use, timers it creates are unref'd; everyone else's are untouched.
 */
function unrefEngineTimers(): () => void {
  if (engineCalls++ === 0) {
    const original = (plainSetTimeout = globalThis.setTimeout);
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      const timer = original(...args);
      if (new Error().stack?.includes("schema_engine_bg")) timer.unref?.();
      return timer;
    }) as typeof setTimeout;
  }
  return () => {
    if (--engineCalls === 0 && plainSetTimeout) globalThis.setTimeout = plainSetTimeout;
  };
}

/**
 * Runs `fn` with a schema engine connected to `databaseUrl`, then frees the
 * engine and closes every pool it opened (it would otherwise keep the process
 * alive). An engine panic is rethrown with the panic's own message.
 */
export async function withSchemaEngine<T>(
  opts: { databaseUrl: string; schema?: { path: string; content: string }; log?: (line: string) => void },
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngine();
  // Without a registry, a panic surfaces as an unrelated TypeError.
  const registry = (g.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  });
  registry.message = "";
  const factory = new MigrationAdapterFactory(opts.databaseUrl);
  const datamodels: [string, string][] | undefined = opts.schema ? [[opts.schema.path, opts.schema.content]] : undefined;
  let engine: SchemaEngine | undefined;
  const restoreTimers = unrefEngineTimers();
  try {
    engine = await SchemaEngine.new({ datamodels }, (line: string) => opts.log?.(line), bindMigrationAwareSqlAdapterFactory(factory));
    return await fn(engine);
  } catch (error) {
    throw registry.message ? new Error(`Schema engine panicked: ${registry.message}`, { cause: error }) : toError(error);
  } finally {
    try {
      engine?.free();
    } catch {
      // An engine that panicked mid-call is still borrowed and cannot be freed; drop it.
    }
    await factory.disposeAll();
    restoreTimers();
  }
}

/** The engine rejects with plain objects; make them Errors with the engine's message. */
function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === "object" && "message" in error) {
    return Object.assign(new Error(String((error as { message: unknown }).message)), { details: error });
  }
  return new Error(String(error));
}
