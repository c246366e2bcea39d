import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberAudiences, reportLinks } from "@/db/schema";
import type { Network } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { getCampaignForReport } from "./queries";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

// The token is returned once (the link to hand out); only its hash is kept.
export async function createReportLink(tenant: Tenant, input: { campaignId: string; days: number }) {
  // Only that it exists in the workspace: the name is not shown here.
  await getCampaignForReport(tenant, input.campaignId, "fr");
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  const [link] = await db
    .insert(reportLinks)
    .values({ organizationId: tenant.orgId, campaignId: input.campaignId, tokenHash: hash(token), expiresAt, createdBy: tenant.userId })
    .returning({ id: reportLinks.id, expiresAt: reportLinks.expiresAt });
  return { id: link.id, expiresAt: link.expiresAt, path: `/r/${token}` };
}

export async function revokeReportLink(tenant: Tenant, input: { id: string }) {
  const [row] = await db
    .update(reportLinks)
    .set({ revokedAt: new Date() })
    .where(inOrg(reportLinks, tenant, eq(reportLinks.id, input.id), isNull(reportLinks.revokedAt)))
    .returning({ id: reportLinks.id });
  if (!row) throw new AppError("not_found", "Report link not found");
  return { id: row.id };
}

export async function findReportLinks(tenant: Pick<Tenant, "orgId">, campaignId: string) {
  return db
    .select({ id: reportLinks.id, expiresAt: reportLinks.expiresAt, revokedAt: reportLinks.revokedAt, createdAt: reportLinks.createdAt })
    .from(reportLinks)
    .where(inOrg(reportLinks, tenant, eq(reportLinks.campaignId, campaignId)))
    .orderBy(desc(reportLinks.createdAt));
}

// The organisation and campaign a live token opens; null when unknown, revoked or expired.
export async function resolveReportToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select({ orgId: reportLinks.organizationId, campaignId: reportLinks.campaignId, expiresAt: reportLinks.expiresAt })
    .from(reportLinks)
    .where(and(eq(reportLinks.tokenHash, hash(token)), isNull(reportLinks.revokedAt), gt(reportLinks.expiresAt, new Date())));
  return row ?? null;
}

export async function declareAudience(tenant: Tenant, input: { network: Network; followers: number }) {
  if (!tenant.membershipId) throw new AppError("forbidden", "Only a member declares an audience");
  await db
    .insert(memberAudiences)
    .values({ organizationId: tenant.orgId, membershipId: tenant.membershipId, network: input.network, followers: input.followers })
    .onConflictDoUpdate({ target: [memberAudiences.membershipId, memberAudiences.network], set: { followers: input.followers, updatedAt: new Date() } });
  return { network: input.network, followers: input.followers };
}

export async function findDeclaredAudiences(tenant: Tenant) {
  if (!tenant.membershipId) return [];
  return db
    .select({ network: memberAudiences.network, followers: memberAudiences.followers })
    .from(memberAudiences)
    .where(inOrg(memberAudiences, tenant, eq(memberAudiences.membershipId, tenant.membershipId)));
}
