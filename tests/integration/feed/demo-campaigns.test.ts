import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { outboxEvents, postVariants, posts } from "@/db/schema";
import { seedCampaigns } from "@/scripts/seed/campaigns";
import { findFeedPage } from "@/lib/feed/queries";
import { CAPTION_NETWORKS, measureCaption } from "@/lib/posts/caption-limits";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { getQueue } from "@/lib/jobs/queues";
import { dispatchOutbox } from "@/tests/setup/jobs";

const quiet = () => {};

async function demoOrg() {
  const org = await createOrg();
  const [council] = [await createGroup(org, "Conseil"), await createGroup(org, "Éducateurs")];
  await createMember(org, { role: "lead" });
  return { org, council, seeded: await seedCampaigns(db, org, quiet) };
}

describe("demo campaigns", () => {
  it("keeps every caption within its network's limit, with room for the tracked link", async () => {
    const { org } = await demoOrg();
    const variants = await db.select().from(postVariants).where(eq(postVariants.organizationId, org.id));
    const over = variants.flatMap((v) =>
      CAPTION_NETWORKS.filter((n) => v.captions[n] && measureCaption(n, `${v.captions[n]} https://relais.example/l/abcdefgh`).over).map((n) => `${v.title} (${n})`),
    );
    expect(variants.length).toBeGreaterThan(30);
    expect(over).toEqual([]);
  });

  it("opens a staff member's feed with the pinned hearing posts, then the hearing's other posts, in their language", async () => {
    const { org } = await demoOrg();
    const staff = await createMember(org, { role: "staff", locale: "en" });
    const { items } = await findFeedPage(staff.tenant);
    expect(items.slice(0, 2).map((i) => [i.pinned, i.keyMoment?.title, i.locale])).toEqual([
      [true, "Projet de loi entendu en commission de l'éducation", "en"],
      [true, "Projet de loi entendu en commission de l'éducation", "en"],
    ]);
    expect(items[2]).toMatchObject({ pinned: false, keyMoment: { now: true }, title: "Committee hearings: three days to convince" });
  });

  it("shows the council's staff-only fact sheet to council staff only, once published", async () => {
    const { org, council } = await demoOrg();
    const [sheet] = await db
      .select({ id: posts.id, status: posts.status })
      .from(posts)
      .innerJoin(postVariants, eq(postVariants.postId, posts.id))
      .where(and(eq(posts.organizationId, org.id), eq(postVariants.title, "Pour vos rencontres avec les élus : compétences et résilience économique")));
    await db.update(posts).set({ status: "published", publishedAt: new Date() }).where(eq(posts.id, sheet.id));
    const inCouncil = await createMember(org, { role: "staff" });
    await addToGroup(org, council.id, inCouncil.membership.id);
    const advocateInCouncil = await createMember(org, { role: "advocate" });
    await addToGroup(org, council.id, advocateInCouncil.membership.id);
    const otherStaff = await createMember(org, { role: "staff" });

    const sees = async (tenant: typeof inCouncil.tenant) => (await findFeedPage(tenant, {}, 100)).items.some((i) => i.id === sheet.id);
    expect([await sees(inCouncil.tenant), await sees(advocateInCouncil.tenant), await sees(otherStaff.tenant)]).toEqual([true, false, false]);
  });

  it("asks for one visual per testimonial, committed with the seed, which the dispatcher queues", async () => {
    const { org, seeded } = await demoOrg();
    const testimonials = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.organizationId, org.id), eq(posts.kind, "testimonial")));
    expect(seeded.testimonialPostIds.sort()).toEqual(testimonials.map((p) => p.id).sort());

    const events = await db.select().from(outboxEvents).where(and(eq(outboxEvents.organizationId, org.id), eq(outboxEvents.type, "visual.requested")));
    expect(events.map((e) => (e.payload as { postId: string }).postId).sort()).toEqual(seeded.testimonialPostIds.sort());
    await dispatchOutbox();
    const jobs = await getQueue("default").getJobs(["waiting", "delayed", "active", "completed"]);
    const mine = jobs.filter((j) => j.name === "generate-testimonial-visual" && j.data.orgId === org.id);
    expect(mine.map((j) => j.data.postId).sort()).toEqual(seeded.testimonialPostIds.sort());
    // No worker runs here; leave nothing behind in Redis.
    await Promise.all(mine.map((j) => j.remove()));
  });

  it("leaves drafts, posts in review and approved posts out of the feed", async () => {
    const { org } = await demoOrg();
    const lead = await createMember(org, { role: "lead" });
    const unpublished = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.organizationId, org.id), inArray(posts.status, ["draft", "in_review", "approved", "scheduled", "expired"])));
    const shown = new Set((await findFeedPage(lead.tenant, {}, 100)).items.map((i) => i.id));
    expect(unpublished.length).toBeGreaterThanOrEqual(8);
    expect(unpublished.filter((p) => shown.has(p.id))).toEqual([]);
  });
});
