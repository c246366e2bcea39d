import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accountDeletions, auditLog, clicks, imports, invitations, joinClaims, organizations, personalDataExports, trackedLinks, users, workspaceDeletions, workspaceExports } from "@/db/schema";
import { applyRetentionJob, deleteWorkspaceJob, produceWorkspaceExportJob } from "@/lib/privacy/jobs";
import { getObject, putObject } from "@/lib/storage";
import { applyRetention } from "@/lib/privacy/retention";
import { RETENTION_DEFAULTS } from "@/lib/privacy/schemas";
import { getPrivacySettings, updatePrivacySettings } from "@/lib/privacy/settings";
import { requestWorkspaceDeletion, requestWorkspaceExport } from "@/lib/privacy/workspace";
import { createMember, createOrg, unique } from "@/tests/factories";
import { createCampaign, createPost } from "@/tests/factories/campaigns";
import { createInviteLink } from "@/tests/factories/invites";
import { dispatchOutbox, useWorker, waitForJobById } from "@/tests/setup/jobs";
import { addClicks, personWithData } from "./fixtures";

const { run } = useWorker([produceWorkspaceExportJob, deleteWorkspaceJob, applyRetentionJob], ["default"]);
const DAY = 24 * 3600 * 1000;
const NOW = new Date("2026-12-01T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

async function orgWithHistory() {
  const org = await createOrg();
  const { tenant } = await createMember(org, { role: "owner" });
  const campaign = await createCampaign(org);
  const post = await createPost(org, { campaignId: campaign.id, status: "published" });
  const [link] = await db.insert(trackedLinks).values({ organizationId: org.id, code: unique("c"), membershipId: tenant.membershipId, postId: post.id, network: "linkedin" }).returning();
  // Clicks 14 months, 6 months and 1 day old.
  for (const days of [425, 180, 1]) await addClicks(org, link, campaign.id, 2, ago(days));
  const file = (status: "completed" | "processing", finishedAt: Date | null) =>
    db.insert(imports).values({ organizationId: org.id, fileName: "f.csv", content: "email\nx@example.test\n", status, finishedAt }).returning();
  const [done] = await file("completed", ago(2));
  const [running] = await file("processing", null);
  const inviteLink = await createInviteLink(org);
  const claim = (expiresAt: Date) => db.insert(joinClaims).values({ organizationId: org.id, inviteLinkId: inviteLink.id, email: `${unique()}@example.test`, firstName: "A", lastName: "B", locale: "fr", expiresAt }).returning();
  const [oldClaim] = await claim(ago(40));
  const [freshClaim] = await claim(ago(5));
  const invite = (expiresAt: Date, acceptedAt: Date | null = null) => db.insert(invitations).values({ organizationId: org.id, email: `${unique()}@example.test`, expiresAt, acceptedAt }).returning();
  const [oldInvite] = await invite(ago(40));
  const [acceptedInvite] = await invite(ago(40), ago(50));
  const [freshInvite] = await invite(ago(5));
  const audit = (createdAt: Date) => db.insert(auditLog).values({ organizationId: org.id, action: "member.role_changed", createdAt }).returning();
  const [oldAudit] = await audit(ago(4 * 365));
  const [recentAudit] = await audit(ago(365));
  return { org, tenant, campaign, done, running, oldClaim, freshClaim, oldInvite, acceptedInvite, freshInvite, oldAudit, recentAudit };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("retention", () => {
  it("has sensible defaults until an owner changes them", async () => {
    const org = await createOrg();
    expect(await getPrivacySettings({ orgId: org.id })).toEqual({ ...RETENTION_DEFAULTS, privacyNoticeUrl: null });
  });

  it("deletes exactly what the defaults say, and a second run changes nothing", async () => {
    const h = await orgWithHistory();
    const first = await applyRetention(h.org.id, await getPrivacySettings({ orgId: h.org.id }), NOW);
    expect(first).toEqual({ importFiles: 1, joinClaims: 1, invitations: 1, clickDetails: 2, auditEntries: 1 });

    const files = await db.select({ id: imports.id, content: imports.content }).from(imports).where(eq(imports.organizationId, h.org.id));
    expect(files.find((f) => f.id === h.done.id)?.content).toBe("");
    expect(files.find((f) => f.id === h.running.id)?.content).not.toBe("");
    expect(ids(await db.select().from(joinClaims).where(eq(joinClaims.organizationId, h.org.id)))).toEqual([h.freshClaim.id]);
    expect(ids(await db.select().from(invitations).where(eq(invitations.organizationId, h.org.id)))).toEqual([h.acceptedInvite.id, h.freshInvite.id].sort());
    expect(ids(await db.select().from(auditLog).where(eq(auditLog.organizationId, h.org.id)))).toEqual([h.recentAudit.id]);
    const rows = await db.select().from(clicks).where(eq(clicks.organizationId, h.org.id));
    // Every click is still counted; only the oldest lost their details.
    expect(rows).toHaveLength(6);
    const stripped = rows.filter((c) => c.visitorHash === "");
    expect(stripped).toHaveLength(2);
    expect(stripped.every((c) => c.clickedAt < ago(395) && c.referrerDomain === null && c.browserFamily === null && c.deviceClass === "other")).toBe(true);

    expect(await applyRetention(h.org.id, await getPrivacySettings({ orgId: h.org.id }), NOW)).toEqual({ importFiles: 0, joinClaims: 0, invitations: 0, clickDetails: 0, auditEntries: 0 });
  });

  it("follows the organisation's own settings", async () => {
    const h = await orgWithHistory();
    await updatePrivacySettings(h.tenant, { importFileDays: 7, expiredInviteDays: 1, clickDetailMonths: 3, auditLogYears: 5, privacyNoticeUrl: null });
    const counts = await applyRetention(h.org.id, await getPrivacySettings(h.tenant), NOW);
    expect(counts).toEqual({ importFiles: 0, joinClaims: 2, invitations: 2, clickDetails: 4, auditEntries: 0 });
  });

  it("touches no other organisation", async () => {
    const h = await orgWithHistory();
    const other = await orgWithHistory();
    await applyRetention(h.org.id, await getPrivacySettings({ orgId: h.org.id }), NOW);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from clicks where organization_id = ${other.org.id} and visitor_hash = ''`);
    expect(n).toBe(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.organizationId, other.org.id))).toHaveLength(2);
  });
});

describe("workspace export and deletion", () => {
  it("exports members, campaigns, posts, shares and clicks counted per day", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "owner" });
    await personWithData(org);
    const row = await requestWorkspaceExport(tenant);
    await run(produceWorkspaceExportJob, { orgId: org.id, exportId: row.id });
    const [done] = await db.select().from(workspaceExports).where(eq(workspaceExports.id, row.id));
    expect(done.status).toBe("ready");
    const json = JSON.parse(new TextDecoder().decode(await (await getObject(`${done.storageKey}.json`))!.bytes()));
    expect(Object.keys(json.tables)).toEqual(["members", "campaigns", "posts", "shares", "clicks"]);
    expect(json.tables.members).toHaveLength(3);
    expect(json.tables.clicks[0]).not.toHaveProperty("visitor_hash");
  });

  it("needs the workspace's address typed, then deletes everything in it with progress", async () => {
    const org = await createOrg();
    const { tenant } = await createMember(org, { role: "owner" });
    await personWithData(org);
    await expect(requestWorkspaceDeletion(tenant, "nope")).rejects.toMatchObject({ code: "bad_request" });
    const deletion = await requestWorkspaceDeletion(tenant, org.slug);
    await dispatchOutbox();
    await waitForJobById("default", `delete-workspace-${deletion.id}`);
    const [row] = await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.id, deletion.id));
    expect(row).toMatchObject({ status: "ready", progress: row.total });
    expect(await db.select().from(organizations).where(eq(organizations.id, org.id))).toHaveLength(0);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from clicks where organization_id = ${org.id}`);
    expect(n).toBe(0);
  });
});

describe("the daily retention job", () => {
  it("erases accounts whose grace period ended, deletes expired export files, and changes nothing the second time", async () => {
    const org = await createOrg();
    const { user } = await personWithData(org);
    await createMember(org, { role: "owner" });
    await db.insert(accountDeletions).values({ userId: user.id, requestedAt: ago(8), eraseAfter: new Date(Date.now() - 1000) });
    const keeper = await createMember(org, { role: "staff" });
    const key = `exports/personal/${keeper.user.id}/old`;
    await putObject(`${key}.json`, new TextEncoder().encode("{}"), "application/json");
    const [old] = await db.insert(personalDataExports).values({ userId: keeper.user.id, status: "ready", storageKey: key, expiresAt: new Date(Date.now() - 1000) }).returning();

    await run(applyRetentionJob, {});
    expect(await db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    expect(await getObject(`${key}.json`)).toBeNull();
    const [row] = await db.select().from(personalDataExports).where(eq(personalDataExports.id, old.id));
    expect(row.storageKey).toBeNull();

    await run(applyRetentionJob, {});
    expect(await db.select().from(users).where(eq(users.id, keeper.user.id))).toHaveLength(1);
  });
});
