import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clicks, sessions } from "@/db/schema";
import { findMemberImpact } from "@/lib/shares/queries";
import { createMember } from "@/tests/factories";
import { CHROME, clickCounts, filteredCounts, hit, sharedLink, startLinkPipeline } from "./support";

let pipeline: Awaited<ReturnType<typeof startLinkPipeline>> | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

// A different browser on every request, as a script inflating a member's numbers would send.
const rotatingAgent = (i: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + (i % 50)}.0.${i}.0 Safari/537.36`;
const forgedAddress = (i: number) => `${1 + (i % 223)}.${(i >> 8) % 256}.${i % 256}.${7 + (i % 200)}`;

async function hitMany(url: string, n: number, headers: (i: number) => Record<string, string>) {
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, (_, j) => hit(url, { headers: headers(i + j) }));
    for (const response of await Promise.all(batch)) expect(response.status).toBe(302);
  }
}

async function signedInCookie(userId: string) {
  const token = randomBytes(24).toString("hex");
  await db.insert(sessions).values({ sessionToken: token, userId, expires: new Date(Date.now() + 3600_000) });
  return `theme=dark; authjs.session-token=${token}`;
}

describe("click integrity", () => {
  it("adds one unique visitor and at most a handful of clicks for 500 requests with rotating user agents and forged X-Forwarded-For", async () => {
    pipeline = await startLinkPipeline();
    const { code, link } = await sharedLink();
    await hitMany(`${pipeline.base}/l/${code}`, 500, (i) => ({ "user-agent": rotatingAgent(i), "x-forwarded-for": forgedAddress(i) }));
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 5, unique: 1 });
    // Every request is still on record, with why it did not count.
    expect(await filteredCounts(link.id)).toEqual({ repeat: 495 });
  });

  it("behind a trusted proxy, reads the visitor from the entry the proxy appended and ignores what the client wrote before it", async () => {
    pipeline = await startLinkPipeline({ TRUSTED_PROXIES: 1 });
    const { code, link } = await sharedLink();
    const url = `${pipeline.base}/l/${code}`;
    await hitMany(url, 500, (i) => ({ "user-agent": rotatingAgent(i), "x-forwarded-for": `${forgedAddress(i)}, 203.0.113.50` }));
    await pipeline.settle();
    expect(await clickCounts(link.id)).toMatchObject({ unique: 1 });
    // Two real visitors, as the proxy saw them.
    await hit(url, { headers: { "x-forwarded-for": "203.0.113.51" } });
    await hit(url, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.52" } });
    await pipeline.settle();
    expect(await clickCounts(link.id)).toMatchObject({ unique: 3 });
  });

  it("records a signed-in sharer's click on their own link as self, which their impact does not count", async () => {
    pipeline = await startLinkPipeline();
    const { code, link, member } = await sharedLink();
    const response = await hit(`${pipeline.base}/l/${code}`, { headers: { cookie: await signedInCookie(member.user.id) } });
    expect(response.status).toBe(302);
    await pipeline.settle();
    const [click] = await db.select().from(clicks).where(eq(clicks.linkId, link.id));
    expect(click).toMatchObject({ filterReason: "self", isUnique: false });
    const [impact] = await findMemberImpact(member.tenant, "fr");
    expect(impact).toMatchObject({ linkId: link.id, shares: 1, clicks: 0, uniqueClicks: 0 });
  });

  it("counts a click by another signed-in member of the organisation like anyone's", async () => {
    pipeline = await startLinkPipeline();
    const { code, link, org, member } = await sharedLink();
    const colleague = await createMember(org, { role: "staff" });
    await hit(`${pipeline.base}/l/${code}`, { headers: { "user-agent": CHROME, cookie: await signedInCookie(colleague.user.id) } });
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 1, unique: 1 });
    const [impact] = await findMemberImpact(member.tenant, "fr");
    expect(impact).toMatchObject({ clicks: 1, uniqueClicks: 1 });
  });

  it("does not take a sharer's self click as the first visit of their address", async () => {
    pipeline = await startLinkPipeline();
    const { code, link, member } = await sharedLink();
    const url = `${pipeline.base}/l/${code}`;
    await hit(url, { headers: { cookie: await signedInCookie(member.user.id) } });
    await pipeline.settle();
    // The same browser, signed out (or someone behind the same router).
    await hit(url);
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 1, unique: 1 });
    expect(await filteredCounts(link.id)).toEqual({ self: 1 });
  });

  it("counts the click of an expired session like anyone's", async () => {
    pipeline = await startLinkPipeline();
    const { code, link, member } = await sharedLink();
    const token = randomBytes(24).toString("hex");
    await db.insert(sessions).values({ sessionToken: token, userId: member.user.id, expires: new Date(Date.now() - 1000) });
    await hit(`${pipeline.base}/l/${code}`, { headers: { cookie: `authjs.session-token=${token}` } });
    await pipeline.settle();
    expect(await clickCounts(link.id)).toEqual({ human: 1, unique: 1 });
  });
});
