// npm run bench -- links: the tracked-link redirect (the standalone redirect-server.ts, with
// its LRU, Redis, click buffer and stream) against a bare node:http server answering the same
// 302 from an in-memory map, over 100,000 distinct codes; then the clicks stored against the
// clicks sent, and the ingester's throughput into PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { freePort } from "@/scripts/cli/processes";
import { encodeClick } from "@/lib/clicks/click-record";
import { createLinkCode } from "@/lib/tracked-links/codes";
import { linkKeys } from "@/lib/tracked-links/config";
import { defineBenchmark, median, round } from "./harness";

const CODES = 100_000;
const POSTS = 10_000;
const NETWORKS = ["linkedin", "x", "facebook", "bluesky", "mastodon", "threads", "whatsapp", "telegram", "email", "copy"] as const;
const CONNECTIONS = 50;
const SECONDS = 12;
const RUNS = 3;
// One request in ten comes from a link-preview crawler: redirected and recorded (as a
// "preview"), never counted.
const BOT_EVERY = 10;
const PREFILL = 200_000;

const BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const CRAWLER = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";

function startProcess(args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise<ChildProcess>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => ready.test(String(chunk)) && resolve(child));
    child.once("exit", (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function seed(): Promise<string[]> {
  const { db } = await import("@/db/client");
  await db.execute(sql`insert into organizations (id, name, slug) values ('org_bench', 'Bench', 'bench')`);
  await db.execute(sql`insert into users (id, email) values ('user_bench', 'bench@example.test')`);
  await db.execute(sql`insert into memberships (id, organization_id, user_id, role) values ('mem_bench', 'org_bench', 'user_bench', 'staff')`);
  await db.execute(sql`insert into campaigns (id, organization_id, name, slug) values ('cmp_bench', 'org_bench', 'Bench', 'au-dela-du-travail-decent')`);
  await db.execute(sql`insert into posts (id, organization_id, campaign_id, status, published_at, link_url)
    select 'post_' || lpad(i::text, 6, '0'), 'org_bench', 'cmp_bench', 'published', now(),
      'https://www.example.org/nouvelles/article-' || i || '?ref=relais&lang=fr'
    from generate_series(1, ${POSTS}) i`);
  const codes = Array.from({ length: CODES }, () => createLinkCode());
  const client = db.$client;
  await client`insert into tracked_links (id, organization_id, code, membership_id, post_id, network)
    select 'lnk_' || lpad(n::text, 6, '0'), 'org_bench', c, 'mem_bench',
      'post_' || lpad((1 + (n - 1) % ${POSTS})::text, 6, '0'), (${client.array([...NETWORKS])}::network[])[1 + (n - 1) / ${POSTS}]
    from unnest(${client.array(codes)}::text[]) with ordinality as t(c, n)`;
  await db.execute(sql`analyze`);
  return codes;
}

type Load = { rps: number; p99: number; redirects: number; errors: number };

// Requests spread over every code in a shuffled order, nine browser clicks for one crawler.
function load(url: string, paths: string[], options: { duration?: number; amount?: number }): Promise<Load> {
  let next = 0;
  let redirects = 0;
  const request = (userAgent: string): autocannon.Request => ({
    method: "GET",
    headers: { "user-agent": userAgent, "sec-fetch-dest": "document", accept: "text/html" },
    setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
    onResponse: (status) => {
      if (status === 302) redirects++;
    },
  });
  const requests = Array.from({ length: BOT_EVERY }, (_, i) => request(i === BOT_EVERY - 1 ? CRAWLER : BROWSER));
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, ...options, requests }, (error, result) => {
      if (error) return reject(error);
      const non302 = result.non2xx - result["3xx"];
      resolve({ rps: result.requests.total / result.duration, p99: result.latency.p99, redirects, errors: result.errors + result.timeouts + non302 });
    });
  });
}

export default defineBenchmark("links", async (ctx) => {
  const prefix = `${ctx.queuePrefix}-links`;
  const keys = linkKeys(prefix);
  const redis = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "relais-bench-links-"));
  const children: ChildProcess[] = [];
  try {
    const seedStart = performance.now();
    const codes = await seed();
    const seedSeconds = (performance.now() - seedStart) / 1000;

    // The redirect's Redis entries, written by the same warm-up the sync job runs.
    const { syncLinkCache } = await import("@/lib/tracked-links/cache");
    const warmStart = performance.now();
    const { written } = await syncLinkCache(redis, keys, "http://localhost:3000", { full: true });
    const warmSeconds = (performance.now() - warmStart) / 1000;
    const urls = await Promise.all(codes.map((code) => redis.hget(keys.link(code), "url")));
    fs.writeFileSync(path.join(tmp, "codes.tsv"), codes.map((code, i) => `${code}\t${urls[i]}`).join("\n"));

    const paths = codes.map((code) => `/l/${code}`);
    for (let i = paths.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [paths[i], paths[j]] = [paths[j], paths[i]];
    }

    const [redirectPort, barePort] = await Promise.all([freePort(), freePort()]);
    const env = { DATABASE_URL: ctx.databaseUrl, REDIS_URL: ctx.redisUrl, QUEUE_PREFIX: prefix, REDIRECT_PORT: String(redirectPort), HOSTNAME: "127.0.0.1", NODE_ENV: "production", APP_URL: "http://localhost:3000", AUTH_SECRET: randomBytes(32).toString("base64url") };
    children.push(await startProcess(["redirect-server.ts"], env, /listening/));
    children.push(await startProcess(["bench/links-bare-server.ts", path.join(tmp, "codes.tsv"), String(barePort)], env, /ready/));
    const redirectUrl = `http://127.0.0.1:${redirectPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;

    // Same location from both servers, for every code.
    const sample = await fetch(`${redirectUrl}${paths[0]}`, { redirect: "manual", headers: { "user-agent": CRAWLER } });
    const bareSample = await fetch(`${bareUrl}${paths[0]}`, { redirect: "manual" });
    if (sample.status !== 302 || sample.headers.get("location") !== bareSample.headers.get("location")) throw new Error("the two servers disagree");

    // Warm both up (JIT; the redirect fills its LRU from Redis); the warm-up clicks count too.
    await load(bareUrl, paths, { duration: 3 });
    // The sample request above is recorded too (as a preview).
    let clicksSent = 1;
    const warm = await load(redirectUrl, paths, { amount: CODES });
    clicksSent += warm.redirects;

    const bare: Load[] = [];
    const redirect: Load[] = [];
    for (let run = 0; run < RUNS; run++) {
      bare.push(await load(bareUrl, paths, { duration: SECONDS }));
      // A fixed number of requests (about SECONDS at the last rate seen), so that every
      // request sent is also answered and counted: none is cut off when the run ends.
      const amount = Math.round((redirect.at(-1)?.rps ?? bare[0].rps * 0.6) * SECONDS);
      const result = await load(redirectUrl, paths, { amount });
      clicksSent += result.redirects;
      redirect.push(result);
    }

    // The redirect process still holds the last batch for a moment; then the ingester
    // drains the stream into PostgreSQL.
    await new Promise((r) => setTimeout(r, 1_000));
    const { startClickIngester } = await import("@/workers/click-ingester");
    const { db } = await import("@/db/client");
    const countClicks = async () => Number((await db.execute<{ n: string }>(sql`select count(*) as n from clicks`))[0].n);
    const drainStart = performance.now();
    const ingester = startClickIngester({ config: { QUEUE_PREFIX: prefix } });
    if (!(await ingester.idle(600_000))) throw new Error("ingestion did not finish");
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const clicksStored = await countClicks();

    // Ingestion throughput alone: a stream pre-filled with PREFILL clicks (batches of 500,
    // as the redirect writes them; a third are repeat visitors), drained by the ingester.
    const at = Date.now();
    const lines = Array.from({ length: PREFILL }, (_, i) =>
      encodeClick({ id: `bench-${i}`, code: codes[i % CODES], at, visitorHash: `visitor${i % Math.round(PREFILL * 0.66)}`, country: "CA", referrerDomain: "www.linkedin.com", filter: "", viewer: "", userAgent: BROWSER }),
    );
    const pipeline = redis.pipeline();
    for (let i = 0; i < lines.length; i += 500) pipeline.xadd(keys.stream, "*", "d", lines.slice(i, i + 500).join("\n"));
    await pipeline.exec();
    const ingestStart = performance.now();
    if (!(await ingester.idle(600_000))) throw new Error("ingestion did not finish");
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const prefilledStored = (await countClicks()) - clicksStored;
    await ingester.close();
    if (prefilledStored !== PREFILL) throw new Error(`stored ${prefilledStored} of ${PREFILL} pre-filled clicks`);

    const redirectRps = median(redirect.map((r) => r.rps));
    const baselineRps = median(bare.map((r) => r.rps));
    const errors = [...bare, ...redirect].reduce((n, r) => n + r.errors, 0);
    return {
      metrics: {
        redirect_rps: Math.round(redirectRps),
        baseline_rps: Math.round(baselineRps),
        ratio: round(redirectRps / baselineRps, 2),
        p99_ms: median(redirect.map((r) => r.p99)),
        baseline_p99_ms: median(bare.map((r) => r.p99)),
        clicks_sent: clicksSent,
        clicks_stored: clicksStored,
        ingest_per_s: Math.round(PREFILL / ingestSeconds),
        drain_after_load_s: round(drainSeconds, 1),
        errors,
      },
      notes:
        `${CODES.toLocaleString("en")} codes (warm-up of Redis: ${written} entries in ${round(warmSeconds, 1)} s, seed ${round(seedSeconds, 1)} s); ` +
        `autocannon in the benchmark process, ${CONNECTIONS} connections, ${RUNS} runs of ~${SECONDS} s against each server, alternating, median; ` +
        `redirect = standalone redirect-server.ts (LRU → Redis → PostgreSQL, clicks buffered to a Redis stream), baseline = bare node:http 302 from a Map, both separate processes; ` +
        `1 request in ${BOT_EVERY} from a crawler (redirected, recorded as a filtered "preview" click); clicks_sent = 302s received incl. a warm-up touching every code once, every one recorded; ` +
        `ingester started after the load (drain_after_load_s); ingest_per_s = ${PREFILL.toLocaleString("en")} pre-filled clicks drained into PostgreSQL`,
    };
  } finally {
    await Promise.all(children.map(stopProcess));
    // Leave nothing behind in Redis: link entries, stream, salts, visitor keys.
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 10_000);
      if (found.length) await redis.unlink(...found);
      cursor = next;
    } while (cursor !== "0");
    redis.disconnect();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
