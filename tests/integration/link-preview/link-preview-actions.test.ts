import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { fetchLinkPreviewAction, setAllowPrivateLinkPreviewsAction } from "@/lib/link-preview/actions";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { html, startServer } from "./local-server";

const page = () => startServer((_req, res) => html(res, `<title>Intranet du syndicat</title>`));

describe("link preview actions", () => {
  it("refuses a loopback page while the organisation does not allow private previews", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead" });
    const { origin } = await page();
    await actAs(user.id);

    const result = await fetchLinkPreviewAction({ org: org.slug, url: `${origin}/` });

    expect(result).toEqual({ ok: false, code: "bad_request", fieldErrors: { url: ["link_preview_blocked_address"] } });
  });

  it("previews an intranet page once an admin allows private previews", async () => {
    const org = await createOrg();
    const admin = await createMember(org, { role: "admin" });
    const lead = await createMember(org, { role: "lead" });
    const { origin } = await page();

    await actAs(admin.user.id);
    expect(await setAllowPrivateLinkPreviewsAction({ org: org.slug, allow: true })).toEqual({ ok: true, data: { allow: true } });
    await actAs(lead.user.id);
    const result = await fetchLinkPreviewAction({ org: org.slug, url: `${origin}/` });

    expect(result).toMatchObject({ ok: true, data: { title: "Intranet du syndicat", url: `${origin}/` } });
  });

  it("turns private previews off again when the box is unticked", async () => {
    const org = await createOrg({ allowPrivateLinkPreviews: true });
    const admin = await createMember(org, { role: "admin" });
    await actAs(admin.user.id);
    const form = new FormData();
    form.set("org", org.slug);

    await setAllowPrivateLinkPreviewsAction(null, form);

    const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row.allowPrivateLinkPreviews).toBe(false);
  });

  it("a lead may not allow private previews", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead" });
    await actAs(user.id);

    expect(await setAllowPrivateLinkPreviewsAction({ org: org.slug, allow: true })).toEqual({ ok: false, code: "forbidden" });
    const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row.allowPrivateLinkPreviews).toBe(false);
  });

  it("a staff member may not fetch previews", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "staff" });
    await actAs(user.id);

    expect(await fetchLinkPreviewAction({ org: org.slug, url: "https://example.com/" })).toEqual({ ok: false, code: "forbidden" });
  });

  it("refuses something that is not a web address", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "lead" });
    await actAs(user.id);

    expect(await fetchLinkPreviewAction({ org: org.slug, url: "ftp://example.com/" })).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { url: expect.any(Array) } });
  });
});
