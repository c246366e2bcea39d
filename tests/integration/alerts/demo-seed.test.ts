import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alerts } from "@/db/schema";
import { alertStats } from "@/lib/alerts/stats";
import { seedDemo } from "@/scripts/seed/demo";

describe("the demo seed", () => {
  it("shows an action alert in progress: reached, opened, acted, letters per MNA and failures", async () => {
    await seedDemo(() => {});
    const [alert] = await db.select().from(alerts).where(eq(alerts.titleFr, "Le projet de loi est en commission parlementaire demain"));
    expect(alert.status).toBe("sent");
    const stats = await alertStats({ orgId: alert.organizationId }, alert.id);
    expect(stats.reached).toBe(alert.audienceSize);
    expect(stats.reached).toBeGreaterThan(50);
    const email = stats.channels.find((c) => c.channel === "email")!;
    expect(email.delivered).toBeGreaterThan(0);
    expect(email.opened).toBeGreaterThan(0);
    expect(stats.actions.map((a) => a.kind)).toEqual(["email", "share", "call"]);
    expect(stats.actions.every((a) => a.acted > 0)).toBe(true);
    expect(stats.letters.reduce((n, l) => n + l.sent, 0)).toBe(stats.actions[0].acted);
  }, 180_000);
});
