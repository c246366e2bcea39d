import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { clicks, trackedLinks } from "@/db/schema";
import type { Network } from "@/db/schema/enums";
import { getRedis } from "@/lib/redis";
import { sharePostAction } from "@/lib/shares/actions";
import type { LinksConfig } from "@/lib/tracked-links/config";
import { createRedirectHandler } from "@/lib/tracked-links/redirect-handler";
import { createMember, createOrg, unique } from "@/tests/factories";
import { createCampaign, createFeedPost } from "@/tests/integration/feed/fixtures";
import { actAs } from "@/tests/setup/request-context";
import { startClickIngester } from "@/workers/click-ingester";

export const CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
export const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

// A redirect handler and a click ingester of their own (own Redis keys), on a real port.
export async function startLinkPipeline(config: Partial<LinksConfig> = {}) {
  const spillDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-click-spill-"));
  const full = { QUEUE_PREFIX: unique("links-test-"), CLICK_SPILL_DIR: spillDir, ...config };
  const handler = createRedirectHandler({ config: full });
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ingester = startClickIngester({ config: full });
  return {
    base,
    prefix: full.QUEUE_PREFIX,
    handler,
    ingester,
    // Every click recorded so far is in PostgreSQL.
    async settle() {
      if (!(await handler.recorder.drain())) throw new Error("click buffer did not drain");
      if (!(await ingester.idle())) throw new Error("ingester did not finish");
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
      await ingester.close();
      await deleteKeys(`${full.QUEUE_PREFIX}:*`);
      fs.rmSync(spillDir, { recursive: true, force: true });
    },
  };
}

// The shared Redis keeps no leftovers of a test's own prefix (links, stream, salts, visitors).
export async function deleteKeys(pattern: string) {
  const redis = getRedis();
  for await (const keys of redis.scanStream({ match: pattern, count: 1_000 })) if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
}

export type Hit = { status: number; location: string | undefined; body: string };

// One request as a browser (or a bot) would send it; redirects are not followed.
export function hit(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Hit> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: { "user-agent": CHROME, "sec-fetch-dest": "document", ...options.headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

// A staff member who shared a published post on a network through the real action.
export async function sharedLink(options: { network?: Network; linkUrl?: string | null; campaign?: boolean } = {}) {
  const org = await createOrg();
  const member = await createMember(org, { role: "staff" });
  const campaign = options.campaign === false ? null : await createCampaign(org);
  const post = await createFeedPost(org, { linkUrl: options.linkUrl === undefined ? "https://example.org/article?ref=home" : options.linkUrl, campaignId: campaign?.id });
  await actAs(member.user.id);
  const result = await sharePostAction({ org: org.slug, postId: post.id, network: options.network ?? "linkedin", locale: "fr" });
  if (!result.ok) throw new Error(`share failed: ${JSON.stringify(result)}`);
  const code = result.data.link.split("/l/")[1];
  const [link] = await db.select().from(trackedLinks).where(eq(trackedLinks.code, code));
  return { org, member, campaign, post, link, code };
}

// People's clicks on a link (no filter reason) and the unique ones among them.
export async function clickCounts(linkId: string) {
  const [row] = await db
    .select({ human: count(), unique: sql<number>`count(*) filter (where ${clicks.isUnique})`.mapWith(Number) })
    .from(clicks)
    .where(and(eq(clicks.linkId, linkId), isNull(clicks.filterReason)));
  return row;
}

// The other requests recorded on a link, by reason.
export async function filteredCounts(linkId: string) {
  const rows = await db
    .select({ reason: clicks.filterReason, n: count() })
    .from(clicks)
    .where(and(eq(clicks.linkId, linkId), isNotNull(clicks.filterReason)))
    .groupBy(clicks.filterReason);
  return Object.fromEntries(rows.map((row) => [row.reason, row.n]));
}
