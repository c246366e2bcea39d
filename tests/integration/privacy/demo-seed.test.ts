import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { consents, memberships } from "@/db/schema";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { seedPrivacy } from "@/scripts/seed/privacy";
import { createMember, createOrg } from "@/tests/factories";
import { createInviteLink } from "@/tests/factories/invites";

describe("the demo's privacy seed", () => {
  it("sets the Ordre's retention and notice, and the consents of members who joined through a link", async () => {
    const org = await createOrg();
    const link = await createInviteLink(org);
    const joined = await createMember(org, { role: "advocate" });
    await db.update(memberships).set({ inviteLinkId: link.id }).where(eq(memberships.id, joined.membership.id));
    await createMember(org, { role: "owner" });
    await seedPrivacy(db, org.id, () => {});
    expect(await getPrivacySettings({ orgId: org.id })).toMatchObject({ clickDetailMonths: 12, privacyNoticeUrl: expect.stringMatching(/^https:\/\//) });
    expect((await db.select().from(consents).where(eq(consents.organizationId, org.id))).map((c) => c.userId)).toEqual([joined.user.id]);
  });
});
