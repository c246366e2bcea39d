import { describe, expect, it } from "vitest";
import { CONFIGURED_LIMITS, perSecondBudget } from "@/lib/rate-limit/limits";
import { remainingPoints, waitForSlot } from "@/lib/rate-limit/rate-limit";
import { unique } from "@/tests/factories";

// What notification emails, webhooks and letters are paced by: the shared budgets in Redis.
describe("worker budgets", () => {
  it("let the points of one second through at once and make the next one wait for the next second", async () => {
    const limit = { name: unique("smtp-test-"), ...perSecondBudget(3) };
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect(await waitForSlot(limit, "org_a", 5_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
    expect(await remainingPoints(limit, "org_a")).toBe(0);
    expect(await waitForSlot(limit, "org_a", 5_000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it("give up at once when told not to wait, and count each key on its own", async () => {
    const limit = CONFIGURED_LIMITS.lettersPerTarget(1);
    const target = `${unique("mna-")}@assnat.example.test`;
    expect(await waitForSlot(limit, target, 0)).toBe(true);
    expect(await waitForSlot(limit, target.toUpperCase(), 0)).toBe(false);
    expect(await waitForSlot(limit, `other-${target}`, 0)).toBe(true);
  });

  it("pace slower than one a second as one point per so many seconds", () => {
    expect(perSecondBudget(20)).toEqual({ points: 20, durationSeconds: 1 });
    expect(perSecondBudget(0.5)).toEqual({ points: 1, durationSeconds: 2 });
  });
});
