import { describe, expect, it } from "vitest";
import { loadFeedPageAction } from "@/lib/feed/actions";
import { findFeedPage } from "@/lib/feed/queries";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { createFeedPost } from "./fixtures";

describe("load more", () => {
  it("returns the page after the cursor to a signed-in member", async () => {
    const org = await createOrg();
    const posts = [];
    for (let i = 0; i < 22; i++) posts.push(await createFeedPost(org, { publishedAt: new Date(Date.now() - (i + 1) * 60_000) }));
    const member = await createMember(org, { role: "staff" });
    const first = await findFeedPage(member.tenant);
    await actAs(member.user.id);

    const result = await loadFeedPageAction({ org: org.slug, cursor: first.nextCursor });
    expect(result).toMatchObject({ ok: true, data: { nextCursor: null } });
    expect(result.ok && result.data.items.map((i) => i.id)).toEqual(posts.slice(20).map((p) => p.id));
  });

  it("refuses a deactivated member", async () => {
    const org = await createOrg();
    await createFeedPost(org);
    await createFeedPost(org, { publishedAt: new Date(Date.now() - 7200_000) });
    const member = await createMember(org, { role: "staff" });
    const { nextCursor } = await findFeedPage(member.tenant, {}, 1);
    const gone = await createMember(org, { role: "staff", status: "deactivated" });
    await actAs(gone.user.id);
    expect(await loadFeedPageAction({ org: org.slug, cursor: nextCursor })).toEqual({ ok: false, code: "not_found" });
  });

  it("rejects a cursor that is not one", async () => {
    const org = await createOrg();
    const member = await createMember(org);
    await actAs(member.user.id);
    expect(await loadFeedPageAction({ org: org.slug, cursor: "bm90LWEtY3Vyc29y" })).toMatchObject({ ok: false, code: "bad_request" });
  });

  it("rejects a well-formed cursor whose sort key is not a date", async () => {
    const org = await createOrg();
    const member = await createMember(org);
    await actAs(member.user.id);
    const forged = Buffer.from(JSON.stringify({ rank: 0, publishedAt: "yesterday'--", id: "post_x", at: new Date().toISOString() })).toString("base64url");
    expect(await loadFeedPageAction({ org: org.slug, cursor: forged })).toMatchObject({ ok: false, code: "bad_request" });
  });
});
