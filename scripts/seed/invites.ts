import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { groups, inviteLinkGroups, inviteLinks, memberships, organizations } from "@/db/schema";
import { DEMO_SLUG } from "./organization";

const DAY = 24 * 3600 * 1000;

type DemoLink = {
  label: string;
  role: "staff" | "advocate";
  groups: string[];
  createdDaysAgo: number;
  expiresInDays?: number;
  revokedDaysAgo?: number;
  maxUses?: number;
  // How many of the demo's advocates joined through it (taken among those who joined while
  // it was open).
  joined: number;
};

// A roundtable link in use, one that expired, one that was revoked, one nearly used up, and a
// staff link: what a lead's invitations page looks like a few months in.
const LINKS: DemoLink[] = [
  { label: "Table ronde des éducateurs — Montréal", role: "advocate", groups: ["Montréal", "Éducateurs"], createdDaysAgo: 20, expiresInDays: 40, maxUses: 200, joined: 64 },
  { label: "Salon de l'emploi de Québec", role: "advocate", groups: ["Québec"], createdDaysAgo: 90, expiresInDays: -30, joined: 27 },
  { label: "Congrès annuel (ancien lien)", role: "advocate", groups: [], createdDaysAgo: 150, revokedDaysAgo: 100, joined: 12 },
  { label: "Soirée de la Relève", role: "advocate", groups: ["Relève"], createdDaysAgo: 10, expiresInDays: 20, maxUses: 40, joined: 38 },
  { label: "Nouvelle cohorte du personnel", role: "staff", groups: ["Intervenants sociaux"], createdDaysAgo: 5, joined: 0 },
];

export async function seedInvites(db: Database | Transaction, log: (m: string) => void) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO_SLUG));
  const [owner] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "owner")));
  const groupRows = await db.select().from(groups).where(eq(groups.organizationId, org.id));
  const groupId = new Map(groupRows.map((g) => [g.name, g.id]));
  const now = Date.now();
  for (const spec of LINKS) {
    const createdAt = new Date(now - spec.createdDaysAgo * DAY);
    const expiresAt = spec.expiresInDays === undefined ? null : new Date(now + spec.expiresInDays * DAY);
    const revokedAt = spec.revokedDaysAgo === undefined ? null : new Date(now - spec.revokedDaysAgo * DAY);
    const closedAt = new Date(Math.min(now, expiresAt?.getTime() ?? now, revokedAt?.getTime() ?? now));
    // Advocates who joined while the link was open are the ones who came through it.
    const joiners = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.organizationId, org.id),
          eq(memberships.role, "advocate"),
          isNull(memberships.inviteLinkId),
          gte(memberships.joinedAt, createdAt),
          lt(memberships.joinedAt, closedAt),
        ),
      )
      .orderBy(asc(memberships.joinedAt))
      .limit(spec.joined);
    const [link] = await db
      .insert(inviteLinks)
      .values({
        organizationId: org.id,
        code: randomBytes(12).toString("base64url"),
        role: spec.role,
        label: spec.label,
        expiresAt,
        revokedAt,
        maxUses: spec.maxUses ?? null,
        useCount: joiners.length,
        createdBy: owner?.userId ?? null,
        createdAt,
      })
      .returning();
    if (spec.groups.length) {
      await db.insert(inviteLinkGroups).values(spec.groups.map((name) => ({ organizationId: org.id, inviteLinkId: link.id, groupId: groupId.get(name)! })));
    }
    if (joiners.length) await db.update(memberships).set({ inviteLinkId: link.id }).where(inArray(memberships.id, joiners.map((j) => j.id)));
  }
  log(`Seeded ${LINKS.length} invite links.`);
}
