import { describe, expect, it } from "vitest";
import { findFeedPage, type FeedPage } from "@/lib/feed/queries";
import { feedSearchSchema } from "@/lib/feed/schemas";
import type { Tenant } from "@/lib/tenancy";
import { addToGroup, createGroup, createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost, createKeyMoment } from "./fixtures";

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

const ids = (page: FeedPage) => page.items.map((i) => i.id);
const decode = (cursor: string | null) => feedSearchSchema.parse({ cursor }).cursor;

async function readAll(tenant: Tenant, limit: number, filters = {}) {
  const seen: string[] = [];
  let page = await findFeedPage(tenant, filters, limit);
  seen.push(...ids(page));
  while (page.nextCursor) {
    page = await findFeedPage(tenant, { ...filters, cursor: decode(page.nextCursor) }, limit);
    seen.push(...ids(page));
  }
  return seen;
}

describe("feed audience", () => {
  it("shows a post without audience groups to staff and to advocates", async () => {
    const org = await createOrg();
    const post = await createFeedPost(org);
    const staff = await createMember(org, { role: "staff" });
    const advocate = await createMember(org, { role: "advocate" });
    expect(ids(await findFeedPage(staff.tenant))).toEqual([post.id]);
    expect(ids(await findFeedPage(advocate.tenant))).toEqual([post.id]);
  });

  it("shows a post with audience groups only to members of one of those groups", async () => {
    const org = await createOrg();
    const [montreal, quebec] = [await createGroup(org), await createGroup(org)];
    const post = await createFeedPost(org, { groupIds: [montreal.id, quebec.id] });
    const inQuebec = await createMember(org, { role: "staff" });
    await addToGroup(org, quebec.id, inQuebec.membership.id);
    const elsewhere = await createMember(org, { role: "advocate" });
    await addToGroup(org, (await createGroup(org)).id, elsewhere.membership.id);
    const inNoGroup = await createMember(org, { role: "staff" });

    expect(ids(await findFeedPage(inQuebec.tenant))).toEqual([post.id]);
    expect(ids(await findFeedPage(elsewhere.tenant))).toEqual([]);
    expect(ids(await findFeedPage(inNoGroup.tenant))).toEqual([]);
  });

  it("hides staff-only posts from advocates and shows them to staff", async () => {
    const org = await createOrg();
    const staffOnly = await createFeedPost(org, { advocatesCanSee: false });
    const open = await createFeedPost(org, { publishedAt: ago(2) });
    const staff = await createMember(org, { role: "staff" });
    const advocate = await createMember(org, { role: "advocate" });
    expect(ids(await findFeedPage(staff.tenant))).toEqual([staffOnly.id, open.id]);
    expect(ids(await findFeedPage(advocate.tenant))).toEqual([open.id]);
  });

  it("hides a staff-only group post from an advocate of that group", async () => {
    const org = await createOrg();
    const group = await createGroup(org);
    await createFeedPost(org, { advocatesCanSee: false, groupIds: [group.id] });
    const advocate = await createMember(org, { role: "advocate" });
    await addToGroup(org, group.id, advocate.membership.id);
    expect(ids(await findFeedPage(advocate.tenant))).toEqual([]);
  });

  it("shows campaign leads every published post, whatever its audience", async () => {
    const org = await createOrg();
    const group = await createGroup(org);
    const post = await createFeedPost(org, { advocatesCanSee: false, groupIds: [group.id] });
    const lead = await createMember(org, { role: "lead" });
    expect(ids(await findFeedPage(lead.tenant))).toEqual([post.id]);
  });

  it("shows a deactivated member nothing", async () => {
    const org = await createOrg();
    await createFeedPost(org);
    const gone = await createMember(org, { role: "staff", status: "deactivated" });
    expect(await findFeedPage(gone.tenant)).toEqual({ items: [], nextCursor: null });
  });

  it("never shows another organisation's posts, even to someone who belongs to both", async () => {
    const [mine, theirs] = [await createOrg(), await createOrg()];
    const own = await createFeedPost(mine);
    await createFeedPost(theirs, { pinned: true });
    const member = await createMember(mine, { role: "owner" });
    await createMember(theirs, { role: "owner", user: member.user });
    expect(ids(await findFeedPage(member.tenant))).toEqual([own.id]);
  });
});

describe("feed language", () => {
  it("shows the variant in the member's own language", async () => {
    const org = await createOrg({ defaultLocale: "fr" });
    await createFeedPost(org, { variants: { fr: { title: "Semaine 1 : l'accès aux services" }, en: { title: "Week 1: access to services" } } });
    const member = await createMember(org, { locale: "en" });
    const [item] = (await findFeedPage(member.tenant)).items;
    expect(item).toMatchObject({ locale: "en", title: "Week 1: access to services" });
  });

  it("uses the organisation's default language when the member has not chosen one", async () => {
    const org = await createOrg({ defaultLocale: "en" });
    await createFeedPost(org, { variants: { fr: { title: "Titre" }, en: { title: "Title" } } });
    const member = await createMember(org);
    expect((await findFeedPage(member.tenant)).items[0].title).toBe("Title");
  });

  it("falls back to the other language when the post has no variant in the member's", async () => {
    const org = await createOrg();
    await createFeedPost(org, { variants: { fr: { title: "J'aime mon métier parce que…", body: "Un témoignage." } } });
    const member = await createMember(org, { locale: "en" });
    expect((await findFeedPage(member.tenant)).items[0]).toMatchObject({ locale: "fr", title: "J'aime mon métier parce que…", excerpt: "Un témoignage." });
  });
});

describe("feed order", () => {
  it("puts pinned posts first, then posts of a key moment happening now, then the newest", async () => {
    const org = await createOrg();
    const campaign = await createCampaign(org);
    const hearing = await createKeyMoment(org, campaign.id, { startsAt: ago(2), endsAt: new Date(Date.now() + 48 * HOUR) });
    const past = await createKeyMoment(org, campaign.id, { startsAt: ago(24 * 20), endsAt: ago(24 * 13) });
    const newest = await createFeedPost(org, { publishedAt: ago(1) });
    const pinnedOld = await createFeedPost(org, { publishedAt: ago(24 * 30), pinned: true });
    const momentOld = await createFeedPost(org, { publishedAt: ago(24 * 3), keyMomentId: hearing.id, campaignId: campaign.id });
    const momentNew = await createFeedPost(org, { publishedAt: ago(5), keyMomentId: hearing.id, campaignId: campaign.id });
    const pastMoment = await createFeedPost(org, { publishedAt: ago(2), keyMomentId: past.id });
    const member = await createMember(org, { role: "advocate" });

    const page = await findFeedPage(member.tenant);
    expect(ids(page)).toEqual([pinnedOld.id, momentNew.id, momentOld.id, newest.id, pastMoment.id]);
    expect(page.items[1].keyMoment).toMatchObject({ title: "Audience en commission", now: true });
    expect(page.items[4].keyMoment).toMatchObject({ now: false });
  });

  it("treats a key moment without an end as happening for the whole day it starts", async () => {
    const org = await createOrg({ timeZone: "UTC" });
    const campaign = await createCampaign(org);
    const startOfToday = new Date(new Date().setUTCHours(0, 0, 0, 0));
    const today = await createKeyMoment(org, campaign.id, { startsAt: startOfToday, endsAt: null });
    const yesterday = await createKeyMoment(org, campaign.id, { startsAt: new Date(startOfToday.getTime() - 12 * HOUR), endsAt: null });
    const newest = await createFeedPost(org, { publishedAt: ago(0.5) });
    const ofToday = await createFeedPost(org, { publishedAt: ago(24 * 5), keyMomentId: today.id });
    const ofYesterday = await createFeedPost(org, { publishedAt: ago(24 * 6), keyMomentId: yesterday.id });
    const member = await createMember(org);
    expect(ids(await findFeedPage(member.tenant))).toEqual([ofToday.id, newest.id, ofYesterday.id]);
  });
});

describe("feed visibility in time and lifecycle", () => {
  it("hides posts whose expiry has passed and shows those expiring later", async () => {
    const org = await createOrg();
    await createFeedPost(org, { expiresAt: ago(0.1) });
    const later = await createFeedPost(org, { expiresAt: new Date(Date.now() + HOUR) });
    const member = await createMember(org);
    expect(ids(await findFeedPage(member.tenant))).toEqual([later.id]);
  });

  it("hides drafts, posts in review, approved, scheduled and expired posts", async () => {
    const org = await createOrg();
    for (const status of ["draft", "in_review", "approved", "scheduled", "expired"] as const) {
      await createFeedPost(org, { status, publishedAt: status === "expired" ? ago(2) : null, pinned: true });
    }
    const lead = await createMember(org, { role: "lead" });
    expect(ids(await findFeedPage(lead.tenant))).toEqual([]);
  });
});

describe("feed filters", () => {
  it("filters by campaign", async () => {
    const org = await createOrg();
    const [decent, metier] = [await createCampaign(org), await createCampaign(org)];
    const ofDecent = await createFeedPost(org, { campaignId: decent.id });
    await createFeedPost(org, { campaignId: metier.id });
    await createFeedPost(org);
    const member = await createMember(org);
    expect(ids(await findFeedPage(member.tenant, { campaign: decent.id }))).toEqual([ofDecent.id]);
  });

  it("filters by network on the caption of the variant the member reads", async () => {
    const org = await createOrg();
    const both = await createFeedPost(org, { publishedAt: ago(1), variants: { fr: { captions: { bluesky: "Texte Bluesky" } }, en: { captions: { bluesky: "Bluesky text" } } } });
    // Only the French variant has a Bluesky caption: an English reader shares the English one.
    await createFeedPost(org, { publishedAt: ago(2), variants: { fr: { captions: { bluesky: "Texte Bluesky" } }, en: { captions: { linkedin: "LinkedIn" } } } });
    const frenchOnly = await createFeedPost(org, { publishedAt: ago(3), variants: { fr: { captions: { bluesky: "Texte Bluesky" } } } });
    await createFeedPost(org, { publishedAt: ago(4), variants: { en: { captions: { bluesky: "" } } } });
    const member = await createMember(org, { locale: "en" });
    expect(ids(await findFeedPage(member.tenant, { network: "bluesky" }))).toEqual([both.id, frenchOnly.id]);
  });

  it("filters by email on the variant's email body", async () => {
    const org = await createOrg();
    const withEmail = await createFeedPost(org, { variants: { fr: { emailSubject: "Écrivez à votre député", emailBody: "Bonjour," } } });
    await createFeedPost(org);
    const member = await createMember(org);
    expect(ids(await findFeedPage(member.tenant, { network: "email" }))).toEqual([withEmail.id]);
  });
});

describe("feed pagination", () => {
  it("pages through every post once, in order, when many share the same publishing time", async () => {
    const org = await createOrg();
    const campaign = await createCampaign(org);
    const now = await createKeyMoment(org, campaign.id, { startsAt: ago(1), endsAt: new Date(Date.now() + HOUR) });
    const same = ago(3);
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await createFeedPost(org, { publishedAt: same }));
    for (let i = 0; i < 5; i++) made.push(await createFeedPost(org, { publishedAt: same, keyMomentId: now.id }));
    for (let i = 0; i < 3; i++) made.push(await createFeedPost(org, { publishedAt: same, pinned: true }));
    for (let i = 0; i < 4; i++) made.push(await createFeedPost(org, { publishedAt: ago(i + 4) }));
    const member = await createMember(org);

    const all = await readAll(member.tenant, 4);
    const expected = [...made].sort((a, b) => {
      const rank = (p: typeof a) => (p.pinned ? 2 : p.keyMomentId ? 1 : 0);
      return rank(b) - rank(a) || b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : -1);
    });
    expect(all).toEqual(expected.map((p) => p.id));
  });

  it("keeps paging with the same filters", async () => {
    const org = await createOrg();
    const campaign = await createCampaign(org);
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createFeedPost(org, { campaignId: campaign.id, publishedAt: ago(i + 1) }));
    await createFeedPost(org, { publishedAt: ago(1.5) });
    const member = await createMember(org);
    expect(await readAll(member.tenant, 3, { campaign: campaign.id })).toEqual(made.map((p) => p.id));
  });

  it("gives no cursor on the last page", async () => {
    const org = await createOrg();
    await createFeedPost(org);
    await createFeedPost(org, { publishedAt: ago(2) });
    const member = await createMember(org);
    expect((await findFeedPage(member.tenant, {}, 2)).nextCursor).toBeNull();
    expect((await findFeedPage(member.tenant, {}, 1)).nextCursor).not.toBeNull();
  });
});
