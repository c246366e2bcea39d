import { afterEach, describe, expect, it } from "vitest";
import { fetchLinkPreviewAction } from "@/lib/link-preview/actions";
import { createOrganizationAction } from "@/lib/organizations/actions";
import { createMember, createOrg, createUser, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { html, startServer } from "./local-server";

const page = () => startServer((_req, res) => html(res, `<title>Intranet du syndicat</title>`));

describe("link preview actions", () => {
  afterEach(() => {
    delete process.env.PRIVATE_FETCH_ALLOW_LIST;
  });

  // The attack: anyone signs up, creates a workspace (owner of it) and asks for a preview of
  // an internal page. No workspace setting can open the server's network.
  it("refuse an internal page to the owner of a brand-new workspace", async () => {
    const { origin } = await page();
    const owner = await createUser();
    await actAs(owner.id);
    const slug = unique("atelier-");
    const form = new FormData();
    form.set("name", "Atelier");
    form.set("slug", slug);
    // Created, the action opens the new workspace.
    await expect(createOrganizationAction(null, form)).rejects.toThrow(/NEXT_REDIRECT/);

    const result = await fetchLinkPreviewAction({ org: slug, url: `${origin}/` });

    expect(result).toEqual({ ok: false, code: "bad_request", fieldErrors: { url: ["link_preview_blocked_address"] } });
  });

  it("refuse the cloud metadata address and a name that resolves to loopback", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "owner" });
    await actAs(user.id);
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://localhost:5432/", "http://[::1]/"]) {
      expect(await fetchLinkPreviewAction({ org: org.slug, url })).toEqual({ ok: false, code: "bad_request", fieldErrors: { url: ["link_preview_blocked_address"] } });
    }
  });

  it("preview an intranet page the operator allowed in PRIVATE_FETCH_ALLOW_LIST", async () => {
    const org = await createOrg();
    const lead = await createMember(org, { role: "lead" });
    const { origin } = await page();
    process.env.PRIVATE_FETCH_ALLOW_LIST = "10.0.0.0/8, 127.0.0.2";
    await actAs(lead.user.id);

    const result = await fetchLinkPreviewAction({ org: org.slug, url: `${origin}/` });

    expect(result).toMatchObject({ ok: true, data: { title: "Intranet du syndicat", url: `${origin}/` } });
  });

  it("keep refusing what the operator's list does not name", async () => {
    const org = await createOrg();
    const lead = await createMember(org, { role: "lead" });
    const { origin } = await page();
    process.env.PRIVATE_FETCH_ALLOW_LIST = "127.0.0.3, intranet.example.org";
    await actAs(lead.user.id);

    expect(await fetchLinkPreviewAction({ org: org.slug, url: `${origin}/` })).toEqual({ ok: false, code: "bad_request", fieldErrors: { url: ["link_preview_blocked_address"] } });
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
