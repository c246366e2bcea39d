import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alerts } from "@/db/schema";
import { deliverAlertChunk } from "@/lib/alerts/fan-out";
import { createAlert } from "@/lib/alerts/save-alert";
import { alertFormSchema } from "@/lib/alerts/schemas";
import { createMember, createOrg } from "@/tests/factories";

// The in-app path writes a chunk's inbox rows with one INSERT … SELECT from the audience.
describe("an in-app-only alert's chunk", () => {
  it("gives each member of the audience one inbox row with an app-shaped id, and nothing more when retried", async () => {
    const org = await createOrg();
    const lead = await createMember(org, { role: "lead" });
    const advocates = await Promise.all(Array.from({ length: 5 }, () => createMember(org, { role: "advocate" })));
    await createMember(org, { role: "staff" });
    await createMember(org, { role: "advocate", status: "deactivated" });
    const input = alertFormSchema.parse({ titleFr: "Alerte", titleEn: "Alert", messageFr: "Agissez", messageEn: "Act", audience: "roles", roles: ["advocate"], channels: ["in_app"], urgent: "on", link: "on", linkUrl: "https://example.org/petition" });
    const { id } = await createAlert(lead.tenant, input);
    await db.update(alerts).set({ status: "sending" }).where(eq(alerts.id, id));

    const chunk = { index: 0, total: 1, after: "", upTo: null };
    expect(await deliverAlertChunk(org.id, id, chunk)).toEqual({ notified: 5 });
    expect(await deliverAlertChunk(org.id, id, chunk)).toEqual({ notified: 0 });

    const rows = await db.execute<{ id: string; user_id: string; type: string; href: string; data: Record<string, unknown> }>(
      sql`select id, user_id, type, href, data from notifications where dedupe_key = ${`alert-${id}`} order by user_id`,
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual(advocates.map((a) => a.user.id).sort());
    for (const r of rows) {
      expect(r.id).toMatch(/^ntf_[0-9a-hjkmnp-tv-z]{26}$/);
      expect(r).toMatchObject({ type: "alert", href: `/alerts/${id}`, data: { alertId: id, title_en: "Alert", urgent: 1 } });
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
    expect(await db.select({ status: alerts.status }).from(alerts).where(eq(alerts.id, id))).toEqual([{ status: "sent" }]);
  });
});
