import { and, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { alertActions, alertActionStates, alertLetters, alerts, alertTargets, groupMembers, groups, memberships, notificationDeliveries, notificationPreferences, notifications, posts } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";

type Db = Database | Transaction;
const HOUR = 3600 * 1000;

// Decision-makers of the demo (fictional names, real Montréal and Québec ridings).
const TARGETS = [
  { name: "Mme Hélène Tremblay", title: "Députée de Laurier-Dorion", district: "Laurier-Dorion" },
  { name: "M. Marc-André Gagnon", title: "Député de Rosemont", district: "Rosemont" },
  { name: "Mme Sophie Lavoie", title: "Députée de Taschereau", district: "Taschereau" },
  { name: "M. Karim Benali", title: "Député de Jean-Lesage", district: "Jean-Lesage" },
];

function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// An action alert in progress: "the bill is in the education committee tomorrow", sent two
// hours ago to the educators' group, with letters to their MNA, a post to share and a call;
// a share of the members have acted, some emails failed, letters counted per MNA.
export async function seedAlerts(db: Db, orgId: string, log: (m: string) => void) {
  const random = sequence(7);
  const [group] = await db.select().from(groups).where(and(eq(groups.organizationId, orgId), eq(groups.name, "Éducateurs")));
  const [post] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.organizationId, orgId), eq(posts.status, "published"))).limit(1);
  if (!group) return;
  const audience = await db
    .select({ membershipId: memberships.id, userId: memberships.userId })
    .from(groupMembers)
    .innerJoin(memberships, eq(memberships.id, groupMembers.membershipId))
    .where(and(eq(groupMembers.groupId, group.id), eq(memberships.status, "active")));
  if (!audience.length) return;
  const [lead] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.role, "lead"))).limit(1);
  const sentAt = new Date(Date.now() - 2 * HOUR);
  const [alert] = await db
    .insert(alerts)
    .values({
      organizationId: orgId,
      titleFr: "Le projet de loi est en commission parlementaire demain",
      titleEn: "The bill is before the parliamentary committee tomorrow",
      messageFr: "Demain matin, la commission de l'éducation étudie le projet de loi. Écrivez à votre député·e avec cette lettre et partagez notre vidéo aujourd'hui.",
      messageEn: "Tomorrow morning the education committee studies the bill. Email your MNA with this letter and share our video today.",
      audience: { kind: "groups", groupIds: [group.id] },
      channels: ["in_app", "email", "push"],
      urgent: true,
      status: "sent",
      sendAt: sentAt,
      sentAt,
      endsAt: new Date(Date.now() + 22 * HOUR),
      reminderHours: 6,
      reminderMax: 2,
      audienceSize: audience.length,
      createdBy: lead?.userId ?? null,
      createdAt: sentAt,
    })
    .returning();
  const [email] = await db
    .insert(alertActions)
    .values({
      organizationId: orgId,
      alertId: alert.id,
      position: 0,
      kind: "email",
      labelFr: "Écrire à votre député·e",
      labelEn: "Email your representative",
      config: {
        kind: "email",
        subject: "Projet de loi en commission : protégeons les services aux élèves",
        letter: "Madame la députée, Monsieur le député,\n\nDemain, la commission de l'éducation étudie le projet de loi. Comme travailleuse sociale ou travailleur social dans votre circonscription, je vous demande de défendre le financement des services psychosociaux dans les écoles.\n\nVeuillez agréer mes salutations distinguées,",
        sendMode: "relais",
        matchBy: "district",
      },
    })
    .returning();
  const targetRows = await db.insert(alertTargets).values(TARGETS.map((t, i) => ({ organizationId: orgId, actionId: email.id, ...t, email: `circonscription${i + 1}@assnat.exemple.qc.ca` }))).returning();
  const [share] = post
    ? await db.insert(alertActions).values({ organizationId: orgId, alertId: alert.id, position: 1, kind: "share", labelFr: "Partager la vidéo", labelEn: "Share the video", config: { kind: "share", postId: post.id }, postId: post.id }).returning()
    : [];
  const [call] = await db
    .insert(alertActions)
    .values({ organizationId: orgId, alertId: alert.id, position: 2, kind: "call", labelFr: "Appeler le bureau de circonscription", labelEn: "Call the riding office", config: { kind: "call", phone: "+1 418 555-0142", script: "Bonjour, je suis travailleuse sociale dans votre circonscription. Je vous demande de défendre les services psychosociaux dans les écoles lors de la commission de demain. Merci." } })
    .returning();

  // The inbox and the email and push deliveries, written the one way notifications are.
  for (let i = 0; i < audience.length; i += 500) {
    await notify(db, { orgId, kind: "alert", recipients: audience.slice(i, i + 500).map((m) => m.userId), data: { alertId: alert.id, title_fr: alert.titleFr, title_en: alert.titleEn, message_fr: alert.messageFr, message_en: alert.messageEn, urgent: 1 }, href: `/alerts/${alert.id}`, about: alert.id, channels: alert.channels, urgent: true });
  }
  const deliveries = await db.select({ id: notificationDeliveries.id, channel: notificationDeliveries.channel, userId: notificationDeliveries.userId }).from(notificationDeliveries).where(eq(notificationDeliveries.dedupeKey, `alert-${alert.id}`));
  const byStatus = { sent: [] as string[], failed: [] as string[], skipped: [] as string[] };
  for (const d of deliveries) {
    const r = random();
    if (d.channel === "push") (r < 0.3 ? byStatus.sent : byStatus.skipped).push(d.id);
    else (r < 0.02 ? byStatus.failed : byStatus.sent).push(d.id);
  }
  if (byStatus.sent.length) await db.update(notificationDeliveries).set({ status: "sent", sentAt, claimedAt: sentAt, attempts: 1 }).where(inArray(notificationDeliveries.id, byStatus.sent));
  if (byStatus.skipped.length) await db.update(notificationDeliveries).set({ status: "skipped", error: "no device subscribed" }).where(inArray(notificationDeliveries.id, byStatus.skipped));
  if (byStatus.failed.length) await db.update(notificationDeliveries).set({ status: "failed", error: "smtp 550 5.1.1 mailbox unavailable", attempts: 1 }).where(inArray(notificationDeliveries.id, byStatus.failed));

  // About half opened it; a third of those acted.
  const opened = audience.filter(() => random() < 0.5);
  const openedAt = new Date(sentAt.getTime() + HOUR);
  await db.update(notifications).set({ readAt: openedAt }).where(and(eq(notifications.dedupeKey, `alert-${alert.id}`), inArray(notifications.userId, opened.map((m) => m.userId))));
  await db.update(notificationDeliveries).set({ openedAt }).where(and(eq(notificationDeliveries.dedupeKey, `alert-${alert.id}`), eq(notificationDeliveries.status, "sent"), inArray(notificationDeliveries.userId, opened.map((m) => m.userId))));
  const states: (typeof alertActionStates.$inferInsert)[] = [];
  const letters: (typeof alertLetters.$inferInsert)[] = [];
  const prefs: (typeof notificationPreferences.$inferInsert)[] = [];
  for (const m of opened) {
    const target = targetRows[Math.floor(random() * targetRows.length)];
    prefs.push({ organizationId: orgId, membershipId: m.membershipId, userId: m.userId, district: target.district });
    const doneAt = new Date(openedAt.getTime() + Math.floor(random() * HOUR));
    if (random() < 0.35) {
      states.push({ organizationId: orgId, alertId: alert.id, actionId: email.id, membershipId: m.membershipId, outcome: "sent", targetId: target.id, doneAt });
      letters.push({ organizationId: orgId, alertId: alert.id, actionId: email.id, targetId: target.id, membershipId: m.membershipId, via: "relais", subject: "Projet de loi en commission : protégeons les services aux élèves", body: "…", status: "sent", sentAt: doneAt });
    }
    if (share && random() < 0.45) states.push({ organizationId: orgId, alertId: alert.id, actionId: share.id, membershipId: m.membershipId, outcome: "shared", doneAt });
    if (random() < 0.12) states.push({ organizationId: orgId, alertId: alert.id, actionId: call.id, membershipId: m.membershipId, outcome: ["talked", "voicemail", "no_answer"][Math.floor(random() * 3)], doneAt });
  }
  if (prefs.length) await db.insert(notificationPreferences).values(prefs).onConflictDoNothing();
  if (states.length) await db.insert(alertActionStates).values(states);
  if (letters.length) await db.insert(alertLetters).values(letters);
  log(`  action alert in progress: ${audience.length} educators reached, ${states.length} actions, ${letters.length} letters`);
}
