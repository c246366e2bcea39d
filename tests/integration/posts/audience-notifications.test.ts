import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { memberships, notifications, users } from "@/db/schema";
import { addToGroup, createGroup, createMember, createOrg, unique } from "@/tests/factories";
import { createPost } from "@/tests/factories/campaigns";
import { notifyPostAudience } from "@/lib/publishing/notify-audience";

const runFanOut = (orgId: string, postId: string) => notifyPostAudience(orgId, postId);
const recipients = async (postId: string) =>
  (await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.href, `/feed/${postId}`))).map((r) => r.userId).sort();

async function published(org: { id: string }, overrides: Parameters<typeof createPost>[1] = {}) {
  return createPost(org, { status: "published", publishedAt: new Date(), publishAt: new Date(), ...overrides });
}

describe("notifying a post's audience", () => {
  it("reaches the members of the post's groups and the leads, nobody else", async () => {
    const org = await createOrg();
    const groupA = await createGroup(org);
    const groupB = await createGroup(org);
    const inA = await createMember(org, { role: "staff" });
    const inB = await createMember(org, { role: "staff" });
    const lead = await createMember(org, { role: "lead" });
    const deactivated = await createMember(org, { role: "staff", status: "deactivated" });
    const invited = await createMember(org, { role: "staff", status: "invited" });
    for (const m of [inA, deactivated, invited]) await addToGroup(org, groupA.id, m.membership.id);
    await addToGroup(org, groupB.id, inB.membership.id);
    const post = await published(org, { groupIds: [groupA.id] });

    await runFanOut(org.id, post.id);

    expect(await recipients(post.id)).toEqual([inA.user.id, lead.user.id].sort());
  });

  it("leaves advocates out of a staff-only post and includes them otherwise", async () => {
    const org = await createOrg();
    const staff = await createMember(org, { role: "staff" });
    const advocate = await createMember(org, { role: "advocate" });
    const staffOnly = await published(org, { advocatesCanSee: false });
    const open = await published(org, { advocatesCanSee: true });

    await runFanOut(org.id, staffOnly.id);
    await runFanOut(org.id, open.id);

    expect(await recipients(staffOnly.id)).toEqual([staff.user.id]);
    expect(await recipients(open.id)).toEqual([staff.user.id, advocate.user.id].sort());
  });

  it("never reaches members of another organisation", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const mine = await createMember(org, { role: "staff" });
    await createMember(other, { role: "staff" });
    // The same person in both organisations is notified in this one only.
    await createMember(other, { role: "staff", user: mine.user });
    const post = await published(org);

    await runFanOut(org.id, post.id);

    const sent = await db.select().from(notifications).where(eq(notifications.href, `/feed/${post.id}`));
    expect(sent.map((n) => [n.userId, n.organizationId])).toEqual([[mine.user.id, org.id]]);
  });

  it("does nothing for a post that is not published", async () => {
    const org = await createOrg();
    await createMember(org, { role: "staff" });
    const post = await createPost(org, { status: "scheduled", publishAt: new Date(Date.now() + 60_000) });
    await runFanOut(org.id, post.id);
    expect(await recipients(post.id)).toEqual([]);
  });

  it("covers an audience larger than one batch, once each, even when run twice", async () => {
    const org = await createOrg();
    const people = await db
      .insert(users)
      .values(Array.from({ length: 1205 }, () => ({ email: `${unique("fan-")}@example.test` })))
      .returning({ id: users.id });
    await db.insert(memberships).values(people.map((u) => ({ organizationId: org.id, userId: u.id, role: "advocate" as const })));
    const post = await published(org, { titles: { fr: "Semaine 1", en: "Week 1" } });

    await runFanOut(org.id, post.id);
    await runFanOut(org.id, post.id);

    const sent = await db.select().from(notifications).where(eq(notifications.href, `/feed/${post.id}`));
    expect(sent).toHaveLength(1205);
    expect(sent[0]).toMatchObject({ organizationId: org.id, type: "post_published", data: { postId: post.id, title_fr: "Semaine 1", title_en: "Week 1" } });
  });
});
