import { desc, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { suggestions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { getOrganizationSettings } from "@/lib/organizations/settings";
import { createDraft } from "@/lib/posts/create-draft";
import { inOrg, type Tenant } from "@/lib/tenancy";

type Suggestion = typeof suggestions.$inferSelect;

export async function createSuggestion(tenant: Tenant, input: { url: string | null; note: string }) {
  const [row] = await db.insert(suggestions).values({ ...input, organizationId: tenant.orgId, suggestedBy: tenant.userId }).returning();
  return row;
}

// Pending first, then the latest decisions.
export async function findSuggestions(tenant: Tenant) {
  return db
    .select({ suggestion: suggestions, suggesterName: users.name, suggesterEmail: users.email })
    .from(suggestions)
    .leftJoin(users, eq(users.id, suggestions.suggestedBy))
    .where(inOrg(suggestions, tenant))
    .orderBy(sql`${suggestions.status} = 'pending' desc`, desc(suggestions.createdAt))
    .limit(200);
}

export async function findOwnSuggestions(tenant: Tenant) {
  return db
    .select()
    .from(suggestions)
    .where(inOrg(suggestions, tenant, eq(suggestions.suggestedBy, tenant.userId ?? "")))
    .orderBy(desc(suggestions.createdAt))
    .limit(20);
}

async function lockPending(tx: Transaction, tenant: Tenant, id: string): Promise<Suggestion> {
  const [row] = await tx.select().from(suggestions).where(inOrg(suggestions, tenant, eq(suggestions.id, id))).for("update");
  if (!row) throw new AppError("not_found", "Suggestion not found");
  if (row.status !== "pending") throw new AppError("conflict", "Already decided");
  return row;
}

// "https://www.exemple.org/blogue/…" → "exemple.org": a title the lead will rewrite anyway.
function draftTitle(s: Suggestion) {
  const firstLine = s.note.split("\n")[0].trim();
  if (firstLine) return firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine;
  try {
    return new URL(s.url!).hostname.replace(/^www\./, "");
  } catch {
    return s.url ?? "";
  }
}

function notifySuggester(tx: Transaction, tenant: Tenant, s: Suggestion, kind: "suggestion_accepted" | "suggestion_declined") {
  if (!s.suggestedBy || s.suggestedBy === tenant.userId) return;
  return notify(tx, { orgId: tenant.orgId, kind, recipients: [s.suggestedBy], data: { subject: s.url ?? draftTitle(s) }, href: "/suggest", about: s.id });
}

// The suggestion becomes a draft in the organisation's language, for the lead to finish.
export async function acceptSuggestion(tenant: Tenant, id: string) {
  return db.transaction(async (tx) => {
    const s = await lockPending(tx, tenant, id);
    const org = await getOrganizationSettings(tenant, tx);
    const post = await createDraft(
      tx,
      tenant,
      { kind: s.url ? "link" : "text", linkUrl: s.url },
      { variants: [{ locale: org.defaultLocale, title: draftTitle(s), body: s.note }], note: "suggestion" },
    );
    await tx
      .update(suggestions)
      .set({ status: "accepted", postId: post.id, decidedBy: tenant.userId, decidedAt: new Date() })
      .where(eq(suggestions.id, s.id));
    await notifySuggester(tx, tenant, s, "suggestion_accepted");
    return { postId: post.id };
  });
}

export async function declineSuggestion(tenant: Tenant, id: string) {
  return db.transaction(async (tx) => {
    const s = await lockPending(tx, tenant, id);
    await tx.update(suggestions).set({ status: "declined", decidedBy: tenant.userId, decidedAt: new Date() }).where(eq(suggestions.id, s.id));
    await notifySuggester(tx, tenant, s, "suggestion_declined");
    return { id };
  });
}
