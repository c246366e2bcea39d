import { describe, expect, it } from "vitest";
import { createLinkCode, isLinkCode, LINK_CODE_LENGTH } from "@/lib/tracked-links/codes";

describe("tracked link codes", () => {
  it("are base62 and at least 8 characters long", () => {
    for (let i = 0; i < 200; i++) {
      const code = createLinkCode();
      expect(code).toMatch(/^[0-9A-Za-z]+$/);
      expect(code.length).toBe(LINK_CODE_LENGTH);
      expect(code.length).toBeGreaterThanOrEqual(8);
    }
  });

  it("do not repeat over 100,000 draws", () => {
    const codes = new Set(Array.from({ length: 100_000 }, () => createLinkCode()));
    expect(codes.size).toBe(100_000);
  });

  it("use the whole alphabet evenly, so a code says nothing about the next one", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) for (const c of createLinkCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (20_000 * LINK_CODE_LENGTH) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it("successive codes share no common prefix beyond chance", () => {
    const codes = Array.from({ length: 1_000 }, () => createLinkCode());
    const samePrefix = codes.slice(1).filter((code, i) => code.slice(0, 3) === codes[i].slice(0, 3)).length;
    expect(samePrefix).toBeLessThan(3);
  });

  it("are recognised by shape before any lookup", () => {
    expect(isLinkCode("aB3dE6gH9k")).toBe(true);
    expect(isLinkCode("short")).toBe(false);
    expect(isLinkCode("has-dash12")).toBe(false);
    expect(isLinkCode("../../etc/passwd")).toBe(false);
    expect(isLinkCode("a".repeat(33))).toBe(false);
  });
});
