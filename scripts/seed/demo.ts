import { db } from "@/db/client";
import { seedAnalytics } from "./analytics";
import { seedCampaigns } from "./campaigns";
import { seedInvites } from "./invites";
import { findDemoOrganization, seedOrganization } from "./organization";
import { seedShares } from "./shares";

// Seeds the demo workspace once, in one transaction (an interrupted seed leaves nothing
// behind); a second `npm run demo` keeps whatever people changed.
export async function seedDemo(log: (m: string) => void = console.log) {
  if (await findDemoOrganization(db)) {
    log("Demo workspace already seeded.");
    return;
  }
  log("Seeding the demo workspace…");
  await db.transaction(async (tx) => {
    const org = await seedOrganization(tx, log);
    await seedCampaigns(tx, org, log);
    await seedInvites(tx, log);
    await seedShares(tx, org.id, log);
    await seedAnalytics(tx, org.id, log);
  });
}
