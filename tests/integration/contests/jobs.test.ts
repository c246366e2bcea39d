import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contests } from "@/db/schema";
import { contestsTickJob, scoreActionJob, scoreClicksJob, scoreShareJob } from "@/lib/contests/jobs";
import { emit } from "@/lib/jobs/outbox";
import { sharePostAction } from "@/lib/shares/actions";
import { createMember, createOrg } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { dispatchOutbox, useWorker } from "@/tests/setup/jobs";
import { actAs } from "@/tests/setup/request-context";
import { createRunningContest, dropBoards, ledger } from "./support";

const worker = useWorker([scoreShareJob, scoreClicksJob, scoreActionJob, contestsTickJob], ["contests"]);
const created: string[] = [];
afterAll(async () => {
  for (const id of created) await dropBoards(id);
});

// The ledger of a contest once the worker has written `count` rows (fails after 20 s).
async function ledgerOf(contestId: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await ledger(contestId);
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`ledger has ${rows.length} rows, expected ${count}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("contest jobs", () => {
  it("scores a share from its share.recorded event, through the outbox and the worker", async () => {
    const org = await createOrg();
    const post = await createFeedPost(org, { campaignId: (await createCampaign(org)).id, linkUrl: "https://example.org/" });
    const contest = await createRunningContest(org);
    created.push(contest.id);
    const member = await createMember(org, { role: "staff" });
    await actAs(member.user.id);
    expect(await sharePostAction({ org: org.slug, postId: post.id, network: "linkedin", locale: "fr" })).toMatchObject({ ok: true });
    await dispatchOutbox();
    expect(await ledgerOf(contest.id, 1)).toMatchObject([{ membershipId: member.membership.id, source: "share", points: 10 }]);
  });

  it("scores a call to action from its action.completed event", async () => {
    const org = await createOrg();
    const contest = await createRunningContest(org);
    created.push(contest.id);
    const member = await createMember(org, { role: "advocate" });
    await emit(db, { type: "action.completed", orgId: org.id, payload: { alertId: "alr_x", actionId: "act_x", membershipId: member.membership.id, userId: member.user.id, kind: "call" } });
    await dispatchOutbox();
    expect(await ledgerOf(contest.id, 1)).toMatchObject([{ source: "action", detail: "call", points: 25 }]);
  });

  it("closes a contest whose window ended, on the minutely tick", async () => {
    const org = await createOrg();
    const contest = await createRunningContest(org, { startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() - 1000) });
    created.push(contest.id);
    await worker.run(contestsTickJob, {});
    const [row] = await db.select().from(contests).where(eq(contests.id, contest.id));
    expect(row.closedAt).not.toBeNull();
    expect(row.results).toMatchObject({ participants: 0, winners: [] });
  });
});
