import { db } from "@/db/client";
import { rebuildBoards } from "@/lib/contests/rebuild";
import { seedAlerts } from "./alerts";
import { seedAnalytics } from "./analytics";
import { seedCampaigns } from "./campaigns";
import { seedContests } from "./contests";
import { seedInvites } from "./invites";
import { findDemoOrganization, seedOrganization } from "./organization";
import { seedPrivacy } from "./privacy";
import { seedShares } from "./shares";

// Seeds the demo workspace once, in one transaction (an interrupted seed leaves nothing
// behind); a second `npm run demo` keeps whatever people changed.
export async function seedDemo(log: (m: string) => void = console.log) {
  if (await findDemoOrganization(db)) {
    log("Demo workspace already seeded.");
    return;
  }
  log("Seeding the demo workspace…");
  const contestId = await db.transaction(async (tx) => {
    const org = await seedOrganization(tx, log);
    await seedCampaigns(tx, org, log);
    await seedInvites(tx, log);
    await seedShares(tx, org.id, log);
    await seedPrivacy(tx, org.id, log);
    await seedAlerts(tx, org.id, log);
    const contestId = await seedContests(tx, org.id, log);
    // Last: the rollups count every share, click and action seeded above.
    await seedAnalytics(tx, org.id, log);
    return contestId;
  });
  // The live boards from the seeded ledger; without Redis now, the workers' drift check
  // builds them within a minute of starting.
  if (contestId) await rebuildBoards(contestId).catch((error) => log(`Contest boards not built yet: ${(error as Error).message}`));
}
