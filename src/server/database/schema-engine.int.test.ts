import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../../test/support/db";
import { withSchemaEngine } from "./schema-engine";

describe("withSchemaEngine", () => {
  it("reports an engine panic with the panic's own message, and the next engine still works", async () => {
    await expect(withSchemaEngine({ databaseUrl: testDatabaseUrl() }, async (engine) => engine.debugPanic())).rejects.toThrow(
      /Schema engine panicked: .*\n?This is the debugPanic artificial panic/,
    );
    expect(await withSchemaEngine({ databaseUrl: testDatabaseUrl() }, (engine) => engine.version())).toMatch(/^PostgreSQL 18/);
  });

});
