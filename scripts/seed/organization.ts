import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { groupMembers, groups, memberships, organizations, users } from "@/db/schema";
import type { Locale, Role } from "@/db/schema/enums";
import { fakePerson, seededRandom } from "./names";

export const DEMO_SLUG = "otstcfq";
export const DEMO_GROUPS = ["Montréal", "Québec", "Éducateurs", "Intervenants sociaux", "Conseil", "Relève"];

const DAY = 24 * 3600 * 1000;

// The demo organisation: an owner, two campaign leads, ~150 staff in 6 groups and ~2,000
// advocates who joined over the past months.
export async function seedOrganization(db: Database | Transaction, log: (m: string) => void) {
  const random = seededRandom(42);
  const [org] = await db
    .insert(organizations)
    .values({ name: "Ordre des travailleurs sociaux et thérapeutes", slug: DEMO_SLUG, defaultLocale: "fr", brandColor: "#0f4c81", timeZone: "America/Toronto" })
    .returning();
  const groupRows = await db.insert(groups).values(DEMO_GROUPS.map((name) => ({ organizationId: org.id, name }))).returning();

  const people: { role: Role; index: number }[] = [
    { role: "owner", index: 0 },
    { role: "admin", index: 1 },
    { role: "lead", index: 2 },
    { role: "lead", index: 3 },
    ...Array.from({ length: 150 }, (_, i) => ({ role: "staff" as Role, index: 10 + i })),
    ...Array.from({ length: 2000 }, (_, i) => ({ role: "advocate" as Role, index: 500 + i })),
  ];
  const now = Date.now();
  for (let start = 0; start < people.length; start += 500) {
    const batch = people.slice(start, start + 500);
    const userRows = await db
      .insert(users)
      .values(
        batch.map(({ role, index }) => {
          const p = fakePerson(index, role === "advocate" ? "exemple.org" : "otstcfq.demo");
          const locale: Locale = random() < 0.8 ? "fr" : "en";
          return { ...p, locale, emailVerified: new Date(now - 30 * DAY) };
        }),
      )
      .returning({ id: users.id, name: users.name, email: users.email });
    const memberRows = await db
      .insert(memberships)
      .values(
        userRows.map((u, i) => {
          const role = batch[i].role;
          // Staff joined early; advocates trickled in over six months, faster near campaigns.
          const ageDays = role === "advocate" ? Math.floor(random() ** 1.6 * 180) : 200 + Math.floor(random() * 200);
          const joinedAt = new Date(now - ageDays * DAY - Math.floor(random() * DAY));
          const status = role === "advocate" && random() < 0.06 ? ("invited" as const) : random() < 0.01 ? ("deactivated" as const) : ("active" as const);
          return { organizationId: org.id, userId: u.id, role, status, joinedAt, createdAt: joinedAt, searchText: `${u.name} ${u.email}`.toLowerCase() };
        }),
      )
      .returning({ id: memberships.id, role: memberships.role });
    const links = memberRows.flatMap((m) => {
      const count = m.role === "advocate" ? (random() < 0.7 ? 1 : 0) : 1 + (random() < 0.3 ? 1 : 0);
      const picked = new Set<number>();
      while (picked.size < count) picked.add(Math.floor(random() * groupRows.length));
      return [...picked].map((g) => ({ organizationId: org.id, groupId: groupRows[g].id, membershipId: m.id }));
    });
    if (links.length) await db.insert(groupMembers).values(links);
  }
  log(`Seeded ${people.length} members in ${groupRows.length} groups.`);
  return org;
}

export async function findDemoOrganization(db: Database | Transaction) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO_SLUG));
  return org ?? null;
}
