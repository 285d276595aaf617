import { describe, expect, it } from "vitest";
import { postgresLinesWorthShowing } from "@/lib/db/postgres-log";

describe("the embedded PostgreSQL's log in the terminal", () => {
  it("shows nothing of a normal stop", () => {
    const stop = [
      "2026-12-08 00:25:20.817 UTC [15314] LOG:  received fast shutdown request",
      "2026-12-08 00:25:20.819 UTC [15314] LOG:  aborting any active transactions",
      "2026-12-08 00:25:20.819 UTC [15402] FATAL:  terminating connection due to administrator command",
      '2026-12-08 00:25:20.820 UTC [15314] LOG:  background worker "logical replication launcher" (PID 15323) exited with exit code 1',
      "2026-12-08 00:25:20.820 UTC [15427] FATAL:  terminating connection due to administrator command",
      "2026-12-08 00:25:20.825 UTC [15318] LOG:  shutting down",
      "2026-12-08 00:25:20.851 UTC [15314] LOG:  database system is shut down",
    ].join("\n");
    expect(postgresLinesWorthShowing(stop)).toEqual([]);
  });

  it("shows errors with what explains them, and nothing routine around them", () => {
    const chunk = [
      "2026-12-08 00:30:00.000 UTC [1] LOG:  checkpoint starting: time",
      '2026-12-08 00:30:01.000 UTC [2] ERROR:  relation "nope" does not exist at character 15',
      "2026-12-08 00:30:01.000 UTC [2] STATEMENT:  SELECT * FROM nope",
      "2026-12-08 00:30:02.000 UTC [1] LOG:  checkpoint complete",
      "2026-12-08 00:30:03.000 UTC [3] FATAL:  password authentication failed for user \"x\"",
      "2026-12-08 00:30:03.000 UTC [3] DETAIL:  Role \"x\" does not exist.",
      "",
    ].join("\n");
    expect(postgresLinesWorthShowing(chunk)).toEqual([
      '2026-12-08 00:30:01.000 UTC [2] ERROR:  relation "nope" does not exist at character 15',
      "2026-12-08 00:30:01.000 UTC [2] STATEMENT:  SELECT * FROM nope",
      '2026-12-08 00:30:03.000 UTC [3] FATAL:  password authentication failed for user "x"',
      '2026-12-08 00:30:03.000 UTC [3] DETAIL:  Role "x" does not exist.',
    ]);
  });
});
