import { describe, expect, it } from "vitest";
import { connectionFields, databaseName, postgresUrl, quoteIdent, withDatabase } from "./connection-url";

describe("connection URLs", () => {
  const url = postgresUrl({ user: "postgres", password: "p@ss:w/rd?#", host: "127.0.0.1", port: 5433, database: "embark" });

  it("escapes credentials so they survive a round trip", () => {
    expect(url).toBe("postgresql://postgres:p%40ss%3Aw%2Frd%3F%23@127.0.0.1:5433/embark");
    expect(connectionFields(url)).toEqual({ host: "127.0.0.1", port: 5433, user: "postgres", password: "p@ss:w/rd?#", database: "embark" });
  });

  it("switches the database and nothing else", () => {
    const other = withDatabase(`${url}?sslmode=require`, "embark_test_w1");
    expect(databaseName(other)).toBe("embark_test_w1");
    expect(connectionFields(other)).toMatchObject({ password: "p@ss:w/rd?#", port: 5433, database: "embark_test_w1", ssl: true });
  });

  it("defaults the port and database, and unwraps IPv6 hosts", () => {
    expect(connectionFields("postgres://u:p@[::1]/")).toMatchObject({ host: "::1", port: 5432, database: "postgres" });
  });

  it("quotes identifiers, doubling embedded quotes", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
  });
});
