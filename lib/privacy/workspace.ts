import { and, desc, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { media, organizations, workspaceDeletions, workspaceExports, type WorkspaceExport } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { deleteObject, getObject, putObject } from "@/lib/storage";
import { inOrg, type Tenant } from "@/lib/tenancy";
import { tablesToZip, type Tables } from "./archive";
import { EXPORT_TTL_MS, type ExportFormat } from "./export-personal-data";
import { signPath } from "./signed-link";

// What a workspace export holds: members, campaigns, posts, shares, and clicks counted per
// post and day (never a visitor's details).
const WORKSPACE_QUERIES: Record<string, (orgId: string) => ReturnType<typeof sql>> = {
  members: (o) => sql`select m.id, u.name, u.first_name, u.last_name, u.email, m.role, m.status, m.joined_at from memberships m join users u on u.id = m.user_id where m.organization_id = ${o} order by m.joined_at`,
  campaigns: (o) => sql`select id, name, slug, goal, hashtags, created_at from campaigns where organization_id = ${o} order by created_at`,
  posts: (o) => sql`select id, campaign_id, kind, status, link_url, hashtags, created_at from posts where organization_id = ${o} order by created_at`,
  shares: (o) => sql`select id, membership_id, post_id, network, link_id, created_at from shares where organization_id = ${o} order by created_at`,
  clicks: (o) => sql`select post_id, network, date_trunc('day', clicked_at)::date as day, count(*) filter (where filter_reason is null)::int as clicks, count(*) filter (where filter_reason is null and is_unique)::int as unique_clicks from clicks where organization_id = ${o} group by 1, 2, 3 order by 3, 1, 2`,
};

export async function requestWorkspaceExport(tenant: Tenant) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(workspaceExports).values({ organizationId: tenant.orgId, requestedBy: tenant.userId }).returning();
    await emit(tx, { type: "workspace.export.requested", orgId: tenant.orgId, payload: { exportId: row.id } });
    return row;
  });
}

export async function produceWorkspaceExport(orgId: string, exportId: string) {
  const [row] = await db.select().from(workspaceExports).where(and(eq(workspaceExports.organizationId, orgId), eq(workspaceExports.id, exportId)));
  if (!row || row.status === "ready") return;
  await db.update(workspaceExports).set({ status: "running" }).where(eq(workspaceExports.id, exportId));
  const tables: Tables = {};
  for (const [name, query] of Object.entries(WORKSPACE_QUERIES)) tables[name] = [...(await db.execute<Record<string, unknown>>(query(orgId)))];
  const json = JSON.stringify({ exportedAt: new Date().toISOString(), tables }, null, 2);
  const key = `exports/workspace/${orgId}/${exportId}`;
  await putObject(`${key}.json`, new TextEncoder().encode(json), "application/json");
  await putObject(`${key}.zip`, tablesToZip(tables, json), "application/zip");
  await db.update(workspaceExports).set({ status: "ready", storageKey: key, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) }).where(eq(workspaceExports.id, exportId));
}

export const workspaceExportPath = (orgSlug: string, id: string, format: ExportFormat) => `/api/orgs/${orgSlug}/privacy/exports/${id}/${format}`;

export function workspaceExportLinks(tenant: Tenant, row: WorkspaceExport) {
  if (row.status !== "ready" || !row.expiresAt || row.expiresAt.getTime() < Date.now()) return null;
  return { json: signPath(workspaceExportPath(tenant.orgSlug, row.id, "json"), row.expiresAt), zip: signPath(workspaceExportPath(tenant.orgSlug, row.id, "zip"), row.expiresAt) };
}

export async function findWorkspaceExports(tenant: Tenant) {
  return db.select().from(workspaceExports).where(inOrg(workspaceExports, tenant)).orderBy(desc(workspaceExports.createdAt)).limit(5);
}

export async function readWorkspaceExport(tenant: Tenant, id: string, format: ExportFormat) {
  const [row] = await db.select().from(workspaceExports).where(inOrg(workspaceExports, tenant, eq(workspaceExports.id, id), eq(workspaceExports.status, "ready"), gt(workspaceExports.expiresAt, new Date())));
  const file = row?.storageKey ? await getObject(`${row.storageKey}.${format}`) : null;
  if (!file) throw new AppError("not_found", "Export not found");
  return file;
}

// After a typed confirmation (the workspace's slug). One deletion at a time.
export async function requestWorkspaceDeletion(tenant: Tenant, confirm: string) {
  if (confirm !== tenant.orgSlug) throw new AppError("bad_request", "Type the workspace's address to confirm");
  return db.transaction(async (tx) => {
    const [running] = await tx.select().from(workspaceDeletions).where(and(eq(workspaceDeletions.organizationId, tenant.orgId), sql`${workspaceDeletions.status} in ('pending', 'running')`));
    if (running) return running;
    const [row] = await tx.insert(workspaceDeletions).values({ organizationId: tenant.orgId, requestedBy: tenant.userId }).returning();
    await emit(tx, { type: "workspace.deletion.requested", orgId: tenant.orgId, payload: { deletionId: row.id } });
    return row;
  });
}

export async function getWorkspaceDeletion(tenant: Pick<Tenant, "orgId">) {
  const [row] = await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.organizationId, tenant.orgId)).orderBy(desc(workspaceDeletions.createdAt)).limit(1);
  return row ?? null;
}

// The biggest tables go first, in batches, so no statement holds locks for long; then the
// organisation row, whose foreign keys take everything else. Files in storage go too.
const BATCHED = ["clicks", "shares", "tracked_links", "notifications"] as const;
const BATCH = 5_000;

export async function deleteWorkspace(deletionId: string, onProgress?: (done: number, total: number) => Promise<void>) {
  const [deletion] = await db.select().from(workspaceDeletions).where(eq(workspaceDeletions.id, deletionId));
  if (!deletion || deletion.status === "ready") return;
  const orgId = deletion.organizationId;
  const total = BATCHED.length + 2;
  const step = async (done: number) => {
    await db.update(workspaceDeletions).set({ status: "running", progress: done, total }).where(eq(workspaceDeletions.id, deletionId));
    await onProgress?.(done, total);
  };
  await step(0);
  let done = 0;
  for (const table of BATCHED) {
    const t = sql.identifier(table);
    // `id` is the key of every batched table.
    while ((await db.execute(sql`delete from ${t} where id in (select id from ${t} where organization_id = ${orgId} limit ${BATCH})`)).count > 0);
    await step(++done);
  }
  const files = await db.select({ key: media.storageKey }).from(media).where(eq(media.organizationId, orgId));
  for (const file of files) await deleteObject(file.key);
  const exportsDone = await db.select({ key: workspaceExports.storageKey }).from(workspaceExports).where(eq(workspaceExports.organizationId, orgId));
  for (const e of exportsDone) if (e.key) for (const ext of ["json", "zip"]) await deleteObject(`${e.key}.${ext}`);
  await step(++done);
  await db.delete(organizations).where(eq(organizations.id, orgId));
  await db.update(workspaceDeletions).set({ status: "ready", progress: total, total, requestedBy: null }).where(eq(workspaceDeletions.id, deletionId));
}
