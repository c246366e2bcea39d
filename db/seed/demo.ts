import { db } from "../client";
import { seedInvites } from "./invites";
import { findDemoOrganization, seedOrganization } from "./organization";

// Seeds the demo workspace once, in one transaction (an interrupted seed leaves nothing
// behind); a second `npm run demo` keeps whatever people changed.
export async function seedDemo(log: (m: string) => void = console.log) {
  if (await findDemoOrganization(db)) {
    log("Demo workspace already seeded.");
    return;
  }
  log("Seeding the demo workspace…");
  await db.transaction(async (tx) => {
    await seedOrganization(tx, log);
    await seedInvites(tx, log);
  });
}
