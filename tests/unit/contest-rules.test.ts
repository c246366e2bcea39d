import { describe, expect, it } from "vitest";
import { applyCaps, ruleVersionAt } from "@/lib/contests/rules";
import { formatPrizes, parsePrizes } from "@/lib/contests/schemas";

const day = () => ({ total: 0, share: 0, click: 0, action: 0, bonus: 0 });

describe("contest rules", () => {
  it("gives what is left under the rule's cap, then nothing", () => {
    const totals = day();
    const caps = { daily: null, rule: 10 };
    expect([4, 4, 4, 4].map((points) => applyCaps(totals, "click", { points, caps }))).toEqual([4, 4, 2, 0]);
    expect(totals).toMatchObject({ total: 10, click: 10 });
  });

  it("holds the member's daily cap across rules", () => {
    const totals = day();
    expect(applyCaps(totals, "share", { points: 15, caps: { daily: 20, rule: null } })).toBe(15);
    expect(applyCaps(totals, "action", { points: 15, caps: { daily: 20, rule: null } })).toBe(5);
    expect(applyCaps(totals, "click", { points: 2, caps: { daily: 20, rule: 100 } })).toBe(0);
  });

  it("picks the version in force at the event's time", () => {
    const versions = [{ effectiveFrom: new Date("2026-03-10T00:00:00Z"), n: 1 }, { effectiveFrom: new Date("2026-03-11T12:00:00Z"), n: 2 }];
    expect(ruleVersionAt(versions, new Date("2026-03-09T23:59:59Z"))).toBeNull();
    expect(ruleVersionAt(versions, new Date("2026-03-11T11:59:59Z"))?.n).toBe(1);
    expect(ruleVersionAt(versions, new Date("2026-03-11T12:00:00Z"))?.n).toBe(2);
  });

  it("reads prize lines and writes them back the same", () => {
    const text = "1 | Colloque | Conference\n2-5 | Tasse | Mug";
    expect(parsePrizes(text)).toEqual([
      { fromRank: 1, toRank: 1, labelFr: "Colloque", labelEn: "Conference" },
      { fromRank: 2, toRank: 5, labelFr: "Tasse", labelEn: "Mug" },
    ]);
    expect(formatPrizes(parsePrizes(text)!)).toBe(text);
    expect(parsePrizes("5-2 | a | b")).toBeNull();
    expect(parsePrizes("first | a | b")).toBeNull();
  });
});
