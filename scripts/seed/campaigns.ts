import { and, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { createId } from "@/db/id";
import {
  campaigns,
  groups,
  keyMoments,
  memberships,
  postAudienceGroups,
  postEvents,
  postVariants,
  posts,
  type Captions,
  type LinkPreview,
  type Objective,
} from "@/db/schema";
import type { Locale } from "@/db/schema/enums";
import { emit } from "@/lib/jobs/outbox";
import { fakePerson } from "./names";
import { campaignPosts, type Copy, type PostSeed } from "./campaigns-content";

type Db = Database | Transaction;
type Org = { id: string };
type PostStatus = (typeof posts.$inferInsert)["status"] & string;

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

// Monday 00:00 of this week in Québec (UTC−5 is close enough for a demo), so that week 2 of
// "Au-delà du travail décent" is always the week the demo is opened in.
function thisMonday(now: Date) {
  const local = new Date(now.getTime() - 5 * HOUR);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - sinceMonday * DAY + 5 * HOUR);
}

// One caption per network from the post's copy: the long text where there is room, the short
// one where there is a limit (X's 280 leaves room for the tracked link).
function captionsFor(copy: Copy, hashtags: string[], networks?: (keyof Captions)[]): Captions {
  const tags = hashtags.join(" ");
  const all: Captions = {
    linkedin: `${copy.body}\n\n${tags}`,
    facebook: `${copy.body}\n\n${tags}`,
    x: `${copy.short} ${hashtags[0] ?? ""}`.trim(),
    bluesky: `${copy.short} ${hashtags[0] ?? ""}`.trim(),
    mastodon: `${copy.short}\n\n${tags}`,
    threads: `${copy.short} ${tags}`,
    whatsapp: copy.short,
    telegram: `${copy.short}\n\n${tags}`,
  };
  return networks ? Object.fromEntries(networks.map((n) => [n, all[n]])) : all;
}

// Who did what, and when, on the way to the post's status (shown on the post).
const PATH: PostStatus[] = ["draft", "in_review", "approved", "scheduled", "published", "expired"];

function historyOf(seed: PostSeed, status: PostStatus, publishAt: Date, now: Date, authorId: string | null, approverId: string | null) {
  const steps = PATH.slice(0, PATH.indexOf(status) + 1);
  // Preparation happens over the days before publishing, and never in the future.
  const prepared = Math.min(publishAt.getTime(), now.getTime()) - 4 * DAY;
  return steps.map((to, i) => {
    const from = i === 0 ? null : steps[i - 1];
    const at =
      to === "published" ? publishAt : to === "expired" ? (seed.expiresAt ?? new Date(now.getTime() - DAY)) : new Date(prepared + i * 20 * HOUR);
    const actor = to === "published" || to === "expired" ? null : to === "draft" || to === "in_review" ? authorId : approverId;
    const note = to === "in_review" ? "Prête pour relecture." : to === "approved" ? "Approuvée, merci!" : null;
    return { fromStatus: from, toStatus: to, actorUserId: actor, note, createdAt: at };
  });
}

type Seeded = { testimonialPostIds: string[] };

// The seeds' campaigns (../shared/seeds): "Au-delà du travail décent" and its four weekly
// themes, the "J'aime mon métier" testimonials, and a bill heard in committee (HB 96-style),
// dated around today so the demo always has something happening now.
export async function seedCampaigns(db: Db, org: Org, log: (m: string) => void): Promise<Seeded> {
  const now = new Date();
  const monday = thisMonday(now);
  const at = (days: number, hour = 0) => new Date(monday.getTime() + days * DAY + hour * HOUR);

  const leads = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, org.id), inArray(memberships.role, ["lead", "admin", "owner"]), eq(memberships.status, "active")));
  const leadIds = [...leads].sort((a, b) => (a.role === "lead" ? -1 : 1) - (b.role === "lead" ? -1 : 1)).map((l) => l.userId);
  const [author = null, approver = author] = leadIds;
  const groupIds = new Map((await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.organizationId, org.id))).map((g) => [g.name, g.id]));

  const campaignDefs = [
    {
      key: "decent",
      name: "Au-delà du travail décent",
      slug: "au-dela-du-travail-decent",
      goal: "Accroître la visibilité, le profil et l'impact du développement de carrière afin d'améliorer la vie professionnelle de tous et de bâtir une économie plus prospère et une société plus équitable.",
      objectives: [
        { label: "500 partages pendant la semaine 1", metric: "shares", target: 500, startsAt: at(-7).toISOString(), endsAt: at(0).toISOString() },
        { label: "2 000 clics pendant le Mois de la carrière", metric: "clicks", target: 2000 },
        { label: "150 membres qui partagent au moins une fois", metric: "members", target: 150 },
      ] satisfies Objective[],
      hashtags: ["#Au-delàDuTravailDécent", "#MoisDeLaCarrière"],
      status: "active" as const,
      startsAt: at(-7),
      endsAt: at(21),
    },
    {
      key: "metier",
      name: "J'aime mon métier",
      slug: "j-aime-mon-metier",
      goal: "Faire connaître et reconnaître les métiers du social pour répondre au défi du recrutement, en donnant librement la parole à nos professionnels.",
      objectives: [{ label: "300 partages des témoignages en trois semaines", metric: "shares", target: 300 }] satisfies Objective[],
      hashtags: ["#JaimeMonMétier", "#MétiersDuSocial"],
      status: "active" as const,
      startsAt: at(-7),
      endsAt: at(14),
    },
    {
      key: "bill",
      name: "Projet de loi 31 : chaque enfant prêt pour l'école",
      slug: "projet-de-loi-31",
      goal: "Faire adopter le projet de loi 31, qui finance l'éducation préscolaire de qualité pour les enfants à risque, en mobilisant le personnel et les ambassadeurs aux moments où les élus décident.",
      objectives: [
        { label: "1 000 courriels aux députés pendant les audiences", metric: "actions", target: 1000 },
        { label: "5 000 partages pendant les trois jours d'audience", metric: "shares", target: 5000 },
      ] satisfies Objective[],
      hashtags: ["#PL31", "#ChaqueEnfantCompte"],
      status: "active" as const,
      startsAt: new Date(now.getTime() - 24 * DAY),
      endsAt: new Date(now.getTime() + 20 * DAY),
    },
    {
      key: "employers",
      name: "Ne manquez pas une occasion",
      slug: "ne-manquez-pas-une-occasion",
      goal: "Inciter les employeurs à vérifier le Tableau de l'Ordre avant d'embaucher.",
      objectives: [{ label: "Hausse de 50 % des visites au Tableau", metric: "clicks", target: 3000 }] satisfies Objective[],
      hashtags: ["#NeManquezPasUneOccasion"],
      status: "ended" as const,
      startsAt: new Date(now.getTime() - 90 * DAY),
      endsAt: new Date(now.getTime() - 20 * DAY),
    },
    {
      key: "protect",
      name: "Ordre de protéger",
      slug: "ordre-de-proteger",
      goal: "Informer la population sur la mission des ordres professionnels, protéger le public, et rebâtir sa confiance envers les ordres et les professionnels.",
      objectives: [{ label: "10 000 clics vers le microsite", metric: "clicks", target: 10000 }] satisfies Objective[],
      hashtags: ["#OrdreDeProtéger"],
      status: "active" as const,
      startsAt: new Date(now.getTime() - 42 * DAY),
      endsAt: new Date(now.getTime() + 60 * DAY),
    },
  ];
  const campaignRows = await db
    .insert(campaigns)
    .values(campaignDefs.map(({ key: _key, ...c }) => ({ ...c, organizationId: org.id, languages: ["fr", "en"] as Locale[], createdBy: author })))
    .returning({ id: campaigns.id, slug: campaigns.slug });
  const campaignId = (key: string) => campaignRows[campaignDefs.findIndex((c) => c.key === key)].id;

  const momentDefs = [
    ...[
      ["Semaine 1 : augmenter l'accès aux services de développement de carrière", "Grand public", "Plus de personnes qui consultent un professionnel du développement de carrière, avant la crise plutôt qu'après."],
      ["Semaine 2 : améliorer les compétences en gestion de carrière", "Grand public et employeurs", "Se fixer des objectifs, acquérir des compétences et changer de carrière en toute confiance."],
      ["Semaine 3 : intégrer le développement de carrière dans les systèmes actuels", "Gouvernement et secteur de l'éducation", "Sortir de l'approche « échec d'abord » : un accompagnement tôt et souvent, à l'école comme au travail."],
      ["Semaine 4 : accroître le financement et l'investissement dans le secteur", "Gouvernement", "Demander aux élus un financement durable des services de développement de carrière."],
    ].map(([title, audience, description], week) => ({
      key: `week${week + 1}`,
      campaign: "decent",
      title,
      audience,
      description,
      startsAt: at(7 * (week - 1)),
      endsAt: new Date(at(7 * week).getTime() - 1000),
    })),
    {
      key: "tabled",
      campaign: "bill",
      title: "Dépôt du projet de loi 31",
      audience: "Tous les membres",
      description: "Le projet de loi est déposé à l'Assemblée nationale : faisons connaître ce qu'il change pour les enfants à risque.",
      startsAt: new Date(now.getTime() - 21 * DAY),
      endsAt: null,
    },
    {
      key: "hearing",
      campaign: "bill",
      title: "Projet de loi entendu en commission de l'éducation",
      audience: "Personnel et ambassadeurs",
      description: "Trois jours d'audiences en commission parlementaire. Écrivez à votre député, partagez les publications épinglées, venez à l'Assemblée si vous le pouvez.",
      startsAt: new Date(now.getTime() - 3 * HOUR),
      endsAt: new Date(now.getTime() + 2 * DAY + 5 * HOUR),
    },
    {
      key: "vote",
      campaign: "bill",
      title: "Vote en troisième lecture",
      audience: "Tous les membres",
      description: "Le vote final : un dernier rappel aux députés indécis.",
      startsAt: new Date(now.getTime() + 12 * DAY),
      endsAt: null,
    },
  ];
  const momentRows = await db
    .insert(keyMoments)
    .values(momentDefs.map(({ key: _key, campaign, ...m }) => ({ ...m, organizationId: org.id, campaignId: campaignId(campaign) })))
    .returning({ id: keyMoments.id });
  const momentId = (key: string) => momentRows[momentDefs.findIndex((m) => m.key === key)].id;
  const moment = (key: string) => momentDefs.find((m) => m.key === key)!;

  const seeds = campaignPosts({ now, at, moment, person: (i) => fakePerson(i, "otstcfq.demo").firstName });
  const postRows: (typeof posts.$inferInsert)[] = [];
  const variantRows: (typeof postVariants.$inferInsert)[] = [];
  const audienceRows: (typeof postAudienceGroups.$inferInsert)[] = [];
  const eventRows: (typeof postEvents.$inferInsert)[] = [];
  const testimonialPostIds: string[] = [];

  for (const seed of seeds) {
    const id = createId("post");
    const status: PostStatus = seed.status ?? (seed.publishAt <= now ? "published" : "scheduled");
    const wentOut = status === "published" || status === "expired";
    const campaign = campaignDefs.find((c) => c.key === seed.campaign);
    const hashtags = [...(campaign?.hashtags ?? []), ...(seed.hashtags ?? [])];
    const history = historyOf(seed, status, seed.publishAt, now, author, approver);
    const linkPreview: LinkPreview | null = seed.link ? { ...seed.link, fetchedAt: history[0].createdAt.toISOString() } : null;
    postRows.push({
      id,
      organizationId: org.id,
      campaignId: campaign ? campaignId(campaign.key) : null,
      keyMomentId: seed.moment ? momentId(seed.moment) : null,
      kind: seed.kind,
      status,
      linkUrl: seed.link?.url ?? null,
      linkPreview,
      testimonial: seed.testimonial ?? null,
      hashtags,
      advocatesCanSee: !seed.staffOnly,
      pinned: Boolean(seed.pinned),
      publishAt: seed.publishAt,
      expiresAt: seed.expiresAt ?? null,
      publishedAt: wentOut ? seed.publishAt : null,
      createdBy: author,
      createdAt: history[0].createdAt,
    });
    for (const locale of ["fr", "en"] as const) {
      const copy = seed[locale];
      if (!copy) continue;
      const email = seed.email?.[locale];
      variantRows.push({
        organizationId: org.id,
        postId: id,
        locale,
        title: copy.title,
        body: copy.body,
        captions: captionsFor(copy, hashtags, seed.networks),
        emailSubject: email?.subject ?? null,
        emailBody: email?.body ?? null,
        createdAt: history[0].createdAt,
      });
    }
    for (const name of seed.groups ?? []) {
      const groupId = groupIds.get(name);
      if (groupId) audienceRows.push({ organizationId: org.id, postId: id, groupId });
    }
    eventRows.push(...history.map((e) => ({ ...e, organizationId: org.id, postId: id })));
    if (seed.testimonial) testimonialPostIds.push(id);
  }

  await db.insert(posts).values(postRows);
  await db.insert(postVariants).values(variantRows);
  if (audienceRows.length) await db.insert(postAudienceGroups).values(audienceRows);
  await db.insert(postEvents).values(eventRows);
  // The visuals are drawn by the workers, from events committed with the posts: without Redis
  // the demo still starts, and the feed shows the quotes until the visuals exist.
  await emit(db, ...testimonialPostIds.map((postId) => ({ type: "visual.requested" as const, orgId: org.id, payload: { postId } })));
  log(`Seeded ${campaignRows.length} campaigns, ${momentRows.length} key moments and ${postRows.length} posts.`);
  return { testimonialPostIds };
}
