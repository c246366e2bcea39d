// npm run contests -- rebuild [<contest id>…]   the live boards rebuilt exactly from the ledger
// npm run contests -- check [<contest id>…]     how far each board is from the ledger
// Without ids: every contest. Reads DATABASE_URL and REDIS_URL (as the workers do).
import { closeDb } from "@/db/client";
import { boardMismatches, findContestIds, rebuildBoards } from "@/lib/contests/rebuild";
import { closeRedis } from "@/lib/redis";

const [command, ...ids] = process.argv.slice(2);
if (command !== "rebuild" && command !== "check") {
  console.error("Usage: npm run contests -- rebuild|check [<contest id>…]");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}

let drifted = 0;
try {
  for (const id of ids.length ? ids : await findContestIds()) {
    if (command === "rebuild") {
      const started = performance.now();
      const { members, teams } = await rebuildBoards(id);
      console.log(`${id}: ${members} members and ${teams} teams rebuilt from the ledger in ${Math.round(performance.now() - started)} ms`);
    } else {
      const mismatches = await boardMismatches(id);
      if (mismatches) drifted++;
      console.log(`${id}: ${mismatches ? `${mismatches} entries differ from the ledger (run: npm run contests -- rebuild ${id})` : "agrees with the ledger"}`);
    }
  }
} finally {
  await closeRedis();
  await closeDb();
}
process.exit(drifted ? 1 : 0);
