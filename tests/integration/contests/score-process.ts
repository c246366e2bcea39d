// One scoring worker process for the concurrency test: scores the same events as its
// siblings, in its own shuffled order and batch sizes, through the real ledger and board path.
import { closeDb } from "@/db/client";
import { recordPoints, type Candidate } from "@/lib/contests/ledger";
import { closeRedis } from "@/lib/redis";

const { CONTEST_ID, ORG_ID, MEMBERS, EVENTS, SEED } = process.env as Record<string, string>;
const members = MEMBERS.split(",");
let seed = Number(SEED);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const start = Date.parse("2026-03-10T15:00:00Z");
const candidates: Candidate[] = Array.from({ length: Number(EVENTS) }, (_, i) => ({
  orgId: ORG_ID,
  contestId: CONTEST_ID,
  membershipId: members[i % members.length],
  source: "click",
  points: 5,
  caps: { daily: 150, rule: null },
  idempotencyKey: `${CONTEST_ID}:click:event-${i}`,
  day: "2026-03-10",
  occurredAt: new Date(start + i * 1000),
  sourceId: `event-${i}`,
  postId: null,
  network: "linkedin",
  detail: null,
  groupIds: [],
}));
for (let i = candidates.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
}
let offset = 0;
while (offset < candidates.length) {
  const size = 5 + Math.floor(random() * 40);
  await recordPoints(candidates.slice(offset, offset + size), { publish: false });
  offset += size;
}
await closeRedis();
await closeDb();
process.exit(0);
