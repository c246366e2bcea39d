import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { analyticsRates, memberAudiences, memberships } from "@/db/schema";
import { rebuildRollups } from "@/lib/analytics/rollup";

// The campaign reports' figures: some members declared their LinkedIn and Facebook
// followers (the others count at the organisation's default audience), the organisation
// set its own LinkedIn rates, and the rollups are counted from the seeded shares and clicks.
export async function seedAnalytics(tx: Transaction, orgId: string, log: (m: string) => void) {
  const sharers = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.status, "active"), inArray(memberships.role, ["staff", "advocate", "lead"])))
    .limit(60);
  const audiences = sharers.flatMap((m, i) =>
    i % 3 === 0
      ? [
          { organizationId: orgId, membershipId: m.id, network: "linkedin" as const, followers: 180 + ((i * 137) % 2400) },
          { organizationId: orgId, membershipId: m.id, network: "facebook" as const, followers: 90 + ((i * 71) % 600) },
        ]
      : [],
  );
  if (audiences.length) await tx.insert(memberAudiences).values(audiences).onConflictDoNothing();
  await tx.insert(analyticsRates).values({ organizationId: orgId, network: "linkedin", defaultAudience: 650, viewRate: 0.12, cpm: 28, cpc: 4.5 }).onConflictDoNothing();
  await rebuildRollups(orgId, tx);
  log(`Analytics: ${audiences.length} declared audiences, rollups counted.`);
}
