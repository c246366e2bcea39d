import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emit } from "@/lib/jobs/outbox";
import { dispatchOutbox } from "@/tests/setup/jobs";
import { until } from "../invitations/support";
import { sharedLink } from "../tracked-links/support";
import { eventsOf, rawTotals, rollupTotals } from "./support";

// The roll-up worker as its own process (the real BullMQ worker and handler, this test's
// database and queues), so it can be killed like a crashed or OOM-killed worker.
function startRollupWorker() {
  const script = `(async () => {
    const { startWorkers } = await import("./workers/runtime.ts");
    const { rollUpEventJob } = await import("./lib/analytics/jobs.ts");
    startWorkers({ jobs: [rollUpEventJob], queues: ["analytics"] });
    console.log("ready");
  })().catch((e) => { console.error(e); process.exit(1); });`;
  // node itself with tsx's loader, not the tsx launcher: SIGKILL must reach the process doing
  // the work (the launcher would die alone and leave its child running).
  const child = spawn(process.execPath, ["--import", "tsx", "--eval", script], { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready: ${stderr}`)));
  });
  return { child, ready };
}

function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  return exited;
}

const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(kill));
});

// The roll-up statement (lib/analytics/rollup.ts, matched by its opening: pg_stat_activity keeps
// only the first kilobyte) of this test's database while it runs in another backend.
async function rollupsRunning() {
  const rows = await db.execute<{ pid: number }>(sql`
    select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query like '%with zone as (select time_zone as tz from organizations%'`);
  return rows.map((r) => r.pid);
}

const BIG = 150_000;

describe("a roll-up worker killed mid-rollup", () => {
  it("leaves rollups equal to the raw counts once restarted, nothing lost and nothing counted twice", { timeout: 240_000 }, async () => {
    const { org, link } = await sharedLink();
    // A large batch as the click ingester writes it (one clicks.ingested event naming every
    // click), plus two small ones, over three days of the organisation's clock.
    await db.execute(sql`
      insert into clicks (id, organization_id, link_id, post_id, campaign_id, membership_id, network, clicked_at, visitor_hash, is_unique, filter_reason, device_class)
      select ${org.id} || '-k' || g, ${org.id}, l.id, l.post_id, p.campaign_id, l.membership_id, l.network,
        now() - (g % 259200) * interval '1 second', md5(g::text), g % 3 <> 0,
        (case when g % 4 <> 0 then null when g % 20 = 0 then 'bot' when g % 12 = 0 then 'repeat' else 'preview' end)::click_filter, 'mobile'
      from generate_series(1, ${BIG + 2_000}) g, tracked_links l join posts p on p.id = l.post_id where l.id = ${link.id}`);
    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${org.id}-k${from + i}`);
    await emit(
      db,
      { type: "clicks.ingested", orgId: org.id, payload: { clickIds: ids(1, 1_000) } },
      { type: "clicks.ingested", orgId: org.id, payload: { clickIds: ids(1_001, 1_000 + BIG) } },
      { type: "clicks.ingested", orgId: org.id, payload: { clickIds: ids(BIG + 1_001, BIG + 2_000) } },
    );
    const raw = (await rawTotals(org.id)) as Record<string, number>;
    expect(raw.clicks + raw.bot + raw.preview + raw.repeat).toBe(BIG + 2_000);

    const first = startRollupWorker();
    children.push(first.child);
    await first.ready;
    await dispatchOutbox();
    // Killed while the large batch's statement runs, before its transaction can commit.
    const [pid] = await until(rollupsRunning, (pids) => pids.length > 0, 60_000);
    await kill(first.child);
    // The killed worker's backend notices its client is gone and rolls back.
    await until(rollupsRunning, (pids) => !pids.includes(pid), 60_000);
    const big = (await eventsOf(org.id, "clicks.ingested"))[1];
    const [ledger] = await db.execute<{ n: number }>(sql`select count(*)::int as n from analytics_applied_events where event_id = ${String(big.id)}`);
    expect(ledger.n).toBe(0);
    const partial = await rollupTotals(org.id);
    expect(partial.daily.clicks as number).toBeLessThan(raw.clicks);

    // Restarted, the worker takes the stalled job back (once its lock expires) and finishes.
    const second = startRollupWorker();
    children.push(second.child);
    await second.ready;
    const done = await until(
      () => rollupTotals(org.id),
      ({ hourly, daily }) => [hourly, daily].every((r) => r.clicks === raw.clicks && r.shares === raw.shares),
      180_000,
    );
    expect(done.hourly).toEqual({ ...raw, actions: 0 });
    expect(done.daily).toEqual({ ...raw, actions: 0 });
    expect(done.summaries).toEqual({ posts: done.daily, members: done.daily, hours: done.daily });
    const applied = await db.execute<{ event_id: string }>(sql`select event_id from analytics_applied_events where organization_id = ${org.id} order by 1`);
    const events = [...(await eventsOf(org.id, "clicks.ingested")), ...(await eventsOf(org.id, "share.recorded"))];
    expect(applied.map((r) => r.event_id).sort()).toEqual(events.map((e) => String(e.id)).sort());
  });
});
