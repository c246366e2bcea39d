import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { createId } from "@/db/id";
import { groupMembers, groups, importRowErrors, imports, memberships, users } from "@/db/schema";
import type { ImportStatus } from "@/db/schema/imports";
import { AppError } from "@/lib/errors";
import { emit } from "@/lib/jobs/outbox";
import { inviteExistingAccounts } from "@/lib/invitations/email-invitations";
import { insertMemberships } from "@/lib/members/insert-memberships";
import { inOrg, type Tenant } from "@/lib/tenancy";
import type { ImportPerson, ParsedRow } from "./parse-csv";

export async function createImport(tenant: Tenant, values: { fileName: string; content: string; totalRows: number }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(imports)
      .values({ organizationId: tenant.orgId, createdBy: tenant.userId, ...values })
      .returning({ id: imports.id });
    // Committed with the upload: an import never stays "pending" because Redis blinked.
    await emit(tx, { type: "import.requested", orgId: tenant.orgId, payload: { importId: row.id } });
    return row;
  });
}

const summaryColumns = {
  id: imports.id,
  fileName: imports.fileName,
  status: imports.status,
  totalRows: imports.totalRows,
  processedRows: imports.processedRows,
  createdCount: imports.createdCount,
  updatedCount: imports.updatedCount,
  errorCount: imports.errorCount,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
};
export async function getImportOrThrow(tenant: Tenant, id: string) {
  const [row] = await db.select(summaryColumns).from(imports).where(inOrg(imports, tenant, eq(imports.id, id)));
  if (!row) throw new AppError("not_found", "Import not found");
  return row;
}

export async function findImports(tenant: Tenant, limit = 20) {
  return db.select(summaryColumns).from(imports).where(inOrg(imports, tenant)).orderBy(desc(imports.createdAt)).limit(limit);
}
export type ImportSummary = Awaited<ReturnType<typeof findImports>>[number];

export async function findImportErrors(tenant: Tenant, importId: string, limit = 500) {
  return db
    .select({ line: importRowErrors.line, code: importRowErrors.code, value: importRowErrors.value })
    .from(importRowErrors)
    .where(inOrg(importRowErrors, tenant, eq(importRowErrors.importId, importId)))
    .orderBy(asc(importRowErrors.line))
    .limit(limit);
}

// For the job: the whole row, content included.
export async function getImportForJob(orgId: string, id: string) {
  const [row] = await db.select().from(imports).where(and(eq(imports.organizationId, orgId), eq(imports.id, id)));
  return row ?? null;
}

export async function setImportStatus(orgId: string, id: string, status: ImportStatus) {
  const now = new Date();
  await db
    .update(imports)
    .set({
      status,
      startedAt: status === "processing" ? sql`coalesce(${imports.startedAt}, now())` : undefined,
      finishedAt: status === "completed" || status === "failed" ? now : undefined,
    })
    .where(and(eq(imports.organizationId, orgId), eq(imports.id, id)));
}

// Group names → ids, case-insensitively; names not seen before become new groups.
async function resolveGroups(tx: Transaction, orgId: string, people: ImportPerson[], known: Map<string, string>) {
  const missing = new Map<string, string>();
  for (const name of people.flatMap((p) => p.groups)) {
    const key = name.toLowerCase();
    if (!known.has(key) && !missing.has(key)) missing.set(key, name);
  }
  if (missing.size === 0) return;
  await tx
    .insert(groups)
    .values([...missing.values()].map((name) => ({ organizationId: orgId, name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.organizationId, orgId), inArray(sql`lower(${groups.name})`, [...missing.keys()])));
  for (const row of rows) known.set(row.name.toLowerCase(), row.id);
}

export async function loadGroupIndex(orgId: string) {
  const rows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.organizationId, orgId));
  return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
}

// A person who has signed in, or who belongs to another organisation, owns their profile: the
// file only fills in people no one else knows (never a name or language another workspace sees).
const fromFileUnlessKnown = (orgId: string, column: string) =>
  sql`case when users.email_verified is null and not exists (select 1 from ${memberships} m where m.user_id = users.id and m.organization_id <> ${orgId}) then coalesce(${sql.raw(`excluded.${column}`)}, ${sql.raw(`users.${column}`)}) else ${sql.raw(`users.${column}`)} end`;

// Bulk statements take the rows as one JSON parameter: a drizzle insert of a thousand rows
// spends most of its time binding thousands of parameters (measured about four times slower).
const asJson = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

// One batch of rows, all or nothing: people, memberships, groups, row errors and the progress
// counter commit together. The counter only moves from `from`, so a retried or concurrent
// run can never apply a batch twice.
export async function applyImportBatch(orgId: string, importId: string, from: number, rows: ParsedRow[], groupIndex: Map<string, string>) {
  await db.transaction(async (tx) => {
    const errors = rows.filter((r) => r.kind === "error");
    const people = rows.filter((r) => r.kind === "person");
    let created = 0;
    if (errors.length) {
      await tx
        .insert(importRowErrors)
        .values(errors.map((e) => ({ organizationId: orgId, importId, line: e.line, code: e.code, value: e.value?.slice(0, 200) })))
        .onConflictDoNothing();
    }
    if (people.length) {
      await resolveGroups(tx, orgId, people, groupIndex);
      const userRows = await tx.execute<{ id: string; email: string; name: string | null; signed_in: boolean }>(sql`
        insert into ${users} (id, email, first_name, last_name, name, locale)
        select p.id, p.email, p.first_name, p.last_name, p.name, p.locale::locale
        from jsonb_to_recordset(${asJson(
          people.map((p) => ({
            id: createId("user"),
            email: p.email,
            first_name: p.firstName,
            last_name: p.lastName,
            name: [p.firstName, p.lastName].filter(Boolean).join(" ") || null,
            locale: p.locale,
          })),
        )}) as p(id text, email text, first_name text, last_name text, name text, locale text)
        on conflict (email) do update set
          first_name = ${fromFileUnlessKnown(orgId, "first_name")},
          last_name = ${fromFileUnlessKnown(orgId, "last_name")},
          name = ${fromFileUnlessKnown(orgId, "name")},
          locale = ${fromFileUnlessKnown(orgId, "locale")},
          updated_at = now()
        returning id, email, name, email_verified is not null as signed_in`);
      // Someone who already has an account is invited by email and joins only by accepting;
      // people new to Relais are "invited" members until their first sign-in. Both count as
      // created, so the report does not tell who has an account.
      const members = new Set(
        (await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, orgId), inArray(memberships.userId, userRows.map((u) => u.id))))).map((m) => m.userId),
      );
      const withAccount = userRows.filter((u) => u.signed_in && !members.has(u.id));
      const invitedEmails = new Set(withAccount.map((u) => u.email));
      const personByEmail = new Map(people.map((p) => [p.email, p]));
      const uploader = withAccount.length ? ((await tx.select({ by: imports.createdBy }).from(imports).where(eq(imports.id, importId)))[0]?.by ?? null) : null;
      await inviteExistingAccounts(
        tx,
        orgId,
        withAccount.map((u) => ({ email: u.email, groupIds: [...new Set((personByEmail.get(u.email)?.groups ?? []).map((g) => groupIndex.get(g.toLowerCase())!))] })),
        uploader,
      );
      const memberRows = await insertMemberships(
        tx,
        orgId,
        userRows.filter((u) => !invitedEmails.has(u.email)).map((u) => ({ user: u, role: "advocate", status: "invited" })),
        "import",
      );
      created = memberRows.filter((m) => m.inserted).length + withAccount.length;
      const membershipByUser = new Map(memberRows.map((m) => [m.userId, m.id]));
      const membershipOf = new Map(userRows.map((u) => [u.email, membershipByUser.get(u.id)!]));
      const links = people.filter((p) => membershipOf.get(p.email)).flatMap((p) => p.groups.map((g) => ({ group_id: groupIndex.get(g.toLowerCase())!, membership_id: membershipOf.get(p.email)! })));
      if (links.length) {
        await tx.execute(sql`
          insert into ${groupMembers} (organization_id, group_id, membership_id)
          select ${orgId}, p.group_id, p.membership_id from jsonb_to_recordset(${asJson(links)}) as p(group_id text, membership_id text)
          on conflict do nothing`);
      }
    }
    const [moved] = await tx
      .update(imports)
      .set({
        processedRows: from + rows.length,
        createdCount: sql`${imports.createdCount} + ${created}`,
        updatedCount: sql`${imports.updatedCount} + ${people.length - created}`,
        errorCount: sql`${imports.errorCount} + ${errors.length}`,
      })
      .where(and(eq(imports.id, importId), eq(imports.processedRows, from)))
      .returning({ id: imports.id });
    if (!moved) throw new Error(`Import ${importId} moved past row ${from} in another run`);
  });
}

// Imported advocates are "invited" until they first sign in (Auth.js signIn event).
export async function activateInvitedMemberships(userId: string) {
  await db.transaction(async (tx) => {
    const activated = await tx
      .update(memberships)
      .set({ status: "active" })
      .where(and(eq(memberships.userId, userId), eq(memberships.status, "invited")))
      .returning({ id: memberships.id, orgId: memberships.organizationId });
    await emit(tx, ...activated.map((m) => ({ type: "member.joined" as const, orgId: m.orgId, payload: { membershipId: m.id, userId, via: "import" as const } })));
  });
}
