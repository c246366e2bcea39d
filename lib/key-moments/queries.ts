import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { keyMoments, type KeyMoment } from "@/db/schema";
import { getCampaignOrThrow } from "@/lib/campaigns/queries";
import { zonedToUtc } from "@/lib/calendar/zoned";
import { AppError, fieldError } from "@/lib/errors";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { KeyMomentInput } from "./schemas";

async function toColumns(tenant: Tenant, input: KeyMomentInput) {
  const { timeZone } = await getOrganizationSettings(tenant);
  const startsAt = zonedToUtc(input.startsAt, timeZone);
  const endsAt = input.endsAt ? zonedToUtc(input.endsAt, timeZone) : null;
  if (!startsAt) fieldError("startsAt", "invalid_date");
  if (input.endsAt && !endsAt) fieldError("endsAt", "invalid_date");
  if (endsAt && endsAt < startsAt) fieldError("endsAt", "ends_before_start");
  return { title: input.title, titleEn: input.titleEn, description: input.description, audience: input.audience, startsAt, endsAt };
}

export async function findKeyMoments(tenant: Tenant, campaignId: string) {
  return db.select().from(keyMoments).where(inOrg(keyMoments, tenant, eq(keyMoments.campaignId, campaignId))).orderBy(asc(keyMoments.startsAt));
}

export async function getKeyMomentOrThrow(tenant: Tenant, id: string): Promise<KeyMoment> {
  const [row] = await db.select().from(keyMoments).where(inOrg(keyMoments, tenant, eq(keyMoments.id, id)));
  if (!row) throw new AppError("not_found", "Key moment not found");
  return row;
}

export async function createKeyMoment(tenant: Tenant, campaignId: string, input: KeyMomentInput) {
  await getCampaignOrThrow(tenant, campaignId);
  const [row] = await db
    .insert(keyMoments)
    .values({ ...(await toColumns(tenant, input)), campaignId, organizationId: tenant.orgId })
    .returning();
  return row;
}

export async function updateKeyMoment(tenant: Tenant, id: string, input: KeyMomentInput) {
  const [row] = await db
    .update(keyMoments)
    .set(await toColumns(tenant, input))
    .where(inOrg(keyMoments, tenant, eq(keyMoments.id, id)))
    .returning();
  if (!row) throw new AppError("not_found", "Key moment not found");
  return row;
}

// Posts of the moment stay, detached from it (the foreign key sets null).
export async function deleteKeyMoment(tenant: Tenant, id: string) {
  const [row] = await db.delete(keyMoments).where(inOrg(keyMoments, tenant, eq(keyMoments.id, id))).returning({ campaignId: keyMoments.campaignId });
  if (!row) throw new AppError("not_found", "Key moment not found");
  return row;
}
