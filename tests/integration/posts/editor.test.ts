import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { postAudienceGroups, posts, postVariants } from "@/db/schema";
import { savePostAction, setPostPinnedAction } from "@/lib/posts/actions";
import { createGroup, createOrg } from "@/tests/factories";
import { createCampaign, createKeyMoment } from "@/tests/factories/campaigns";
import { actAs } from "@/tests/setup/request-context";
import { getQueue } from "@/lib/jobs/queues";
import { dispatchOutbox } from "@/tests/setup/jobs";
import { draftAs, orgWith } from "./helpers";

const LONG_URL = "https://www.exemple.org/nouvelles/2026/11/semaine-1-les-conditions-de-travail-dans-le-secteur";

describe("post editor", () => {
  it("saves French and English variants with captions, audience groups and times in the organisation's zone", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const group = await createGroup(org);
    const campaign = await createCampaign(org);
    const moment = await createKeyMoment(org, campaign.id);
    const id = await draftAs(org, lead, {
      kind: "link",
      linkUrl: LONG_URL,
      keyMomentId: moment.id,
      groupIds: [group.id],
      advocatesCanSee: false,
      publishAt: "2026-11-03T09:00",
      variants: {
        fr: { title: "Semaine 1", body: "Les conditions de travail", captions: { x: `Lisez ceci ${LONG_URL}`, bluesky: "" }, emailSubject: "À lire" },
        en: { title: "Week 1", captions: { linkedin: "Read this" } },
      },
    });
    const [post] = await db.select().from(posts).where(eq(posts.id, id));
    // The moment decides the campaign.
    expect(post).toMatchObject({ kind: "link", campaignId: campaign.id, keyMomentId: moment.id, advocatesCanSee: false, status: "draft", createdBy: lead.user.id });
    expect(post.publishAt!.toISOString()).toBe("2026-11-03T14:00:00.000Z");
    const variants = await db.select().from(postVariants).where(eq(postVariants.postId, id));
    expect(Object.fromEntries(variants.map((v) => [v.locale, v.captions]))).toEqual({ fr: { x: `Lisez ceci ${LONG_URL}` }, en: { linkedin: "Read this" } });
    expect(await db.select({ groupId: postAudienceGroups.groupId }).from(postAudienceGroups).where(eq(postAudienceGroups.postId, id))).toEqual([{ groupId: group.id }]);
  });

  it("refuses an X caption over 280 with an error on that caption", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    await actAs(lead.user.id);
    const result = await savePostAction({ org: org.slug, kind: "text", variants: { en: { title: "Too long", captions: { x: "a".repeat(281), linkedin: "a".repeat(281) } } } });
    expect(result).toEqual({ ok: false, code: "bad_request", fieldErrors: { "variants.en.captions.x": ["caption_too_long"] } });
  });

  it("refuses a Bluesky caption over 300 graphemes but accepts 300 emoji", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    await actAs(lead.user.id);
    const save = (bluesky: string) => savePostAction({ org: org.slug, kind: "text", variants: { fr: { title: "Émojis", captions: { bluesky } } } });
    expect(await save("🎉".repeat(300))).toMatchObject({ ok: true });
    expect(await save("🎉".repeat(301))).toMatchObject({ ok: false, fieldErrors: { "variants.fr.captions.bluesky": ["caption_too_long"] } });
  });

  it("asks for at least one language", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    await actAs(lead.user.id);
    expect(await savePostAction({ org: org.slug, kind: "text", variants: { fr: { title: "", body: "" } } })).toEqual({ ok: false, code: "bad_request", fieldErrors: { variants: ["variant_required"] } });
  });

  it("treats another organisation's group or campaign as not found", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const other = await createOrg();
    const theirGroup = await createGroup(other);
    const theirCampaign = await createCampaign(other);
    await actAs(lead.user.id);
    const base = { org: org.slug, kind: "text", variants: { fr: { title: "Non" } } };
    expect(await savePostAction({ ...base, groupIds: [theirGroup.id] })).toEqual({ ok: false, code: "not_found" });
    expect(await savePostAction({ ...base, campaignId: theirCampaign.id })).toEqual({ ok: false, code: "not_found" });
    expect(await db.select().from(posts).where(eq(posts.organizationId, org.id))).toEqual([]);
  });

  it("queues the visual of a testimonial after saving it", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const id = await draftAs(org, lead, { kind: "testimonial", testimonial: { firstName: "Karima", jobTitle: "Coordinatrice éducative", quote: "J'aime mon métier fait de rencontres humaines." } });
    await dispatchOutbox();
    const waiting = await getQueue("default").getJobs(["waiting", "active", "completed", "delayed"]);
    expect(waiting.some((j) => j.name === "generate-testimonial-visual" && j.data.postId === id && j.data.orgId === org.id)).toBe(true);
  });

  it("pins and unpins a post", async () => {
    const { org, people: [lead] } = await orgWith("lead");
    const id = await draftAs(org, lead);
    await actAs(lead.user.id);
    expect(await setPostPinnedAction({ org: org.slug, id, pinned: "true" })).toEqual({ ok: true, data: { id, pinned: true } });
    expect(await setPostPinnedAction({ org: org.slug, id, pinned: "false" })).toEqual({ ok: true, data: { id, pinned: false } });
  });
});
