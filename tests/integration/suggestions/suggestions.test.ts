import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { notifications, posts, postVariants, suggestions } from "@/db/schema";
import { acceptSuggestionAction, createSuggestionAction, declineSuggestionAction } from "@/lib/suggestions/actions";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";

async function suggested(role: "staff" | "advocate" = "staff") {
  const org = await createOrg({ defaultLocale: "fr" });
  const lead = await createMember(org, { role: "lead" });
  const member = await createMember(org, { role });
  await actAs(member.user.id);
  const result = await createSuggestionAction({ org: org.slug, url: "https://www.exemple.org/blogue/semaine-1", note: "Un bon article sur la semaine 1\nÀ partager vite." });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { org, lead, member, id: result.data.id };
}

describe("suggestions", () => {
  it.each(["staff", "advocate"] as const)("a member with role %s suggests a link with a note", async (role) => {
    const { org, member, id } = await suggested(role);
    const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row).toMatchObject({ organizationId: org.id, suggestedBy: member.user.id, status: "pending", url: "https://www.exemple.org/blogue/semaine-1" });
  });

  it("refuses a suggestion with neither link nor note", async () => {
    const org = await createOrg();
    const member = await createMember(org, { role: "staff" });
    await actAs(member.user.id);
    expect(await createSuggestionAction({ org: org.slug, url: "", note: "  " })).toEqual({ ok: false, code: "bad_request", fieldErrors: { note: ["suggestion_empty"] } });
  });

  it("a lead turns a suggestion into a link draft in the organisation's language, and the suggester is told", async () => {
    const { org, lead, member, id } = await suggested();
    await actAs(lead.user.id);
    const result = await acceptSuggestionAction({ org: org.slug, id });
    expect(result).toMatchObject({ ok: true });
    const postId = result.ok ? result.data.postId : "";
    const [post] = await db.select().from(posts).where(eq(posts.id, postId));
    expect(post).toMatchObject({ organizationId: org.id, kind: "link", status: "draft", linkUrl: "https://www.exemple.org/blogue/semaine-1" });
    const [variant] = await db.select().from(postVariants).where(eq(postVariants.postId, postId));
    expect(variant).toMatchObject({ locale: "fr", title: "Un bon article sur la semaine 1" });
    const [note] = await db.select().from(notifications).where(and(eq(notifications.userId, member.user.id), eq(notifications.organizationId, org.id)));
    expect(note).toMatchObject({ type: "suggestion_accepted", data: { subject: "https://www.exemple.org/blogue/semaine-1" } });
  });

  it("a lead declines a suggestion: no post, the suggester is told, and it cannot be accepted afterwards", async () => {
    const { org, lead, member, id } = await suggested();
    await actAs(lead.user.id);
    expect(await declineSuggestionAction({ org: org.slug, id })).toEqual({ ok: true, data: { id } });
    expect(await acceptSuggestionAction({ org: org.slug, id })).toEqual({ ok: false, code: "conflict" });
    expect(await db.select().from(posts).where(eq(posts.organizationId, org.id))).toEqual([]);
    const rows = await db.select().from(notifications).where(eq(notifications.userId, member.user.id));
    expect(rows.map((n) => n.type)).toEqual(["suggestion_declined"]);
  });

  it("staff may not decide on suggestions", async () => {
    const { org, member, id } = await suggested();
    await actAs(member.user.id);
    expect(await acceptSuggestionAction({ org: org.slug, id })).toEqual({ ok: false, code: "forbidden" });
    expect(await declineSuggestionAction({ org: org.slug, id })).toEqual({ ok: false, code: "forbidden" });
  });
});
