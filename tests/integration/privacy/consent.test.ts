import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { consents, memberships } from "@/db/schema";
import { JOIN_CONSENT_VERSION } from "@/lib/privacy/schemas";
import { updatePrivacySettings } from "@/lib/privacy/settings";
import { createMember, createOrg, createUser } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";
import { actAs } from "@/tests/setup/request-context";
import { form, redirectTarget } from "../invitations/support";

describe("consent on the join page", () => {
  it("is recorded with its time, text version and the organisation's notice", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "owner" });
    await updatePrivacySettings(tenant, { importFileDays: 0, expiredInviteDays: 30, clickDetailMonths: 13, auditLogYears: 3, privacyNoticeUrl: "https://example.org/confidentialite" });
    const link = await createInviteLink(org);
    const person = await createUser();
    await actAs(person.id);
    const { joinWithLinkAction } = await import("@/lib/invitations/join-actions");
    const before = new Date();
    expect(await redirectTarget(joinWithLinkAction(null, form({ code: link.code, consent: "on" })))).toBe(`/${org.slug}`);
    const rows = await db.select().from(consents).where(eq(consents.userId, person.id));
    expect(rows).toEqual([
      expect.objectContaining({ organizationId: org.id, purpose: "join", textVersion: JOIN_CONSENT_VERSION, privacyNoticeUrl: "https://example.org/confidentialite", email: person.email }),
    ]);
    expect(rows[0].givenAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("is required: without it nobody joins", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const person = await createUser();
    await actAs(person.id);
    const { joinWithLinkAction } = await import("@/lib/invitations/join-actions");
    const result = await joinWithLinkAction(null, form({ code: link.code }));
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { consent: ["consent_required"] } });
    expect(await db.select().from(memberships).where(eq(memberships.userId, person.id))).toHaveLength(0);
    expect(await db.select().from(consents).where(eq(consents.userId, person.id))).toHaveLength(0);
  });
});
