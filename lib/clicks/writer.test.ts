import { describe, expect, it } from "vitest";
import { ClickWriter, type ClickRow } from "@/lib/clicks/writer";

function row(id: string): ClickRow {
  return {
    id,
    workspaceId: "w",
    linkId: "l",
    createdAt: new Date(0),
    country: null,
    device: "mobile",
    source: "link",
    browser: null,
    os: null,
    referrer: null,
    isBot: false,
    visitorHash: "h",
  };
}

describe("ClickWriter (group commit)", () => {
  it("writes clicks that arrive together in one batch and resolves each only after the write", async () => {
    const batches: string[][] = [];
    let finishWrite: () => void = () => undefined;
    const writer = new ClickWriter(
      (rows) =>
        new Promise<void>((resolve) => {
          batches.push(rows.map((r) => r.id));
          finishWrite = resolve;
        }),
      5,
    );
    const settled: string[] = [];
    const all = ["a", "b", "c"].map((id) => writer.record(row(id)).then(() => settled.push(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([["a", "b", "c"]]);
    expect(settled).toEqual([]); // not answered before the INSERT committed
    finishWrite();
    await Promise.all(all);
    expect(settled.sort()).toEqual(["a", "b", "c"]);
  });

  it("with a zero window, batches the clicks of one event-loop turn", async () => {
    const batches: number[] = [];
    const writer = new ClickWriter(async (rows) => {
      batches.push(rows.length);
    }, 0);
    await Promise.all([writer.record(row("a")), writer.record(row("b")), writer.record(row("c"))]);
    expect(batches).toEqual([3]);
  });

  it("rejects every click of a failed batch, so no caller believes its click is stored", async () => {
    const writer = new ClickWriter(async () => {
      throw new Error("database unavailable");
    }, 0);
    const results = await Promise.allSettled([writer.record(row("a")), writer.record(row("b"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
  });

  it("refuses only the row whose data fails, not its whole batch", async () => {
    const written: string[] = [];
    const writer = new ClickWriter(async (rows) => {
      if (rows.some((r) => r.id === "bad")) throw Object.assign(new Error("foreign key violation"), { code: "23503" });
      written.push(...rows.map((r) => r.id));
    }, 5);
    const results = await Promise.allSettled(["a", "b", "bad", "c", "d"].map((id) => writer.record(row(id))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(written.sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps writing while earlier batches are in flight and never loses or repeats a click", async () => {
    const written: string[] = [];
    const writer = new ClickWriter(async (rows) => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      written.push(...rows.map((r) => r.id));
    }, 1);
    const ids = Array.from({ length: 2_000 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id) => writer.record(row(id))));
    expect(written).toHaveLength(ids.length);
    expect(new Set(written).size).toBe(ids.length);
    expect(writer.pendingCount).toBe(0);
  });

  it("drain() writes everything pending", async () => {
    const written: string[] = [];
    const writer = new ClickWriter(async (rows) => {
      written.push(...rows.map((r) => r.id));
    }, 50);
    const pending = writer.record(row("x"));
    await writer.drain();
    expect(written).toEqual(["x"]);
    await pending;
  });
});
