import { describe, expect, it } from "vitest";
import FeedPostPage from "@/app/[org]/feed/[postId]/page";
import { getFeedPostOrThrow } from "@/lib/feed/queries";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { createCampaign, createFeedPost, createKeyMoment } from "./fixtures";

const notFound = expect.objectContaining({ code: "not_found" });

async function renderPage(org: string, postId: string) {
  return FeedPostPage({ params: Promise.resolve({ org, postId }) });
}

describe("feed post detail", () => {
  it("gives the member's variant with every caption, the email, the key moment and the campaign", async () => {
    const org = await createOrg();
    const campaign = await createCampaign(org, { name: "Au-delà du travail décent", hashtags: ["#Au-delàDuTravailDécent"] });
    const moment = await createKeyMoment(org, campaign.id, { title: "Semaine 2 : améliorer les compétences", startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 3600_000) });
    const post = await createFeedPost(org, {
      campaignId: campaign.id,
      keyMomentId: moment.id,
      hashtags: ["#Au-delàDuTravailDécent"],
      variants: {
        fr: { title: "Prenez votre carrière en main", captions: { linkedin: "Texte LinkedIn", x: "Texte X" }, emailSubject: "Objet", emailBody: "Bonjour" },
        en: { title: "Take charge of your career", captions: { linkedin: "LinkedIn text" } },
      },
    });
    const member = await createMember(org, { role: "advocate", locale: "fr" });

    expect(await getFeedPostOrThrow(member.tenant, post.id)).toMatchObject({
      id: post.id,
      locale: "fr",
      locales: ["fr", "en"],
      title: "Prenez votre carrière en main",
      captions: { linkedin: "Texte LinkedIn", x: "Texte X" },
      email: { subject: "Objet", body: "Bonjour" },
      keyMoment: { id: moment.id, title: "Semaine 2 : améliorer les compétences", now: true },
      campaign: { id: campaign.id, name: "Au-delà du travail décent" },
      campaignHashtags: ["#Au-delàDuTravailDécent"],
    });
  });

  it("is not found for a post outside the member's audience", async () => {
    const org = await createOrg();
    const group = await createGroup(org);
    const post = await createFeedPost(org, { groupIds: [group.id] });
    const member = await createMember(org, { role: "staff" });
    await expect(getFeedPostOrThrow(member.tenant, post.id)).rejects.toEqual(notFound);
    await addToGroup(org, group.id, member.membership.id);
    await expect(getFeedPostOrThrow(member.tenant, post.id)).resolves.toMatchObject({ id: post.id });
  });

  it("is not found for a draft, an expired post or another organisation's post", async () => {
    const [org, other] = [await createOrg(), await createOrg()];
    const draft = await createFeedPost(org, { status: "draft", publishedAt: null });
    const expired = await createFeedPost(org, { expiresAt: new Date(Date.now() - 1000) });
    const foreign = await createFeedPost(other);
    const lead = await createMember(org, { role: "lead" });
    for (const post of [draft, expired, foreign]) {
      await expect(getFeedPostOrThrow(lead.tenant, post.id)).rejects.toEqual(notFound);
    }
  });

  it("is not found for a deactivated member", async () => {
    const org = await createOrg();
    const post = await createFeedPost(org);
    const gone = await createMember(org, { status: "deactivated" });
    await expect(getFeedPostOrThrow(gone.tenant, post.id)).rejects.toEqual(notFound);
  });

  it("answers the post page with a 404 when the post is not meant for the member", async () => {
    const org = await createOrg();
    const staffOnly = await createFeedPost(org, { advocatesCanSee: false });
    const advocate = await createMember(org, { role: "advocate" });
    await actAs(advocate.user.id);
    await expect(renderPage(org.slug, staffOnly.id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("answers the post page with a 404 for a deactivated member", async () => {
    const org = await createOrg();
    const post = await createFeedPost(org);
    const gone = await createMember(org, { status: "deactivated" });
    await actAs(gone.user.id);
    await expect(renderPage(org.slug, post.id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
