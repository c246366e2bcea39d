import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { media } from "@/db/schema";
import { buildLinkPreview } from "@/lib/link-preview/build-link-preview";
import { getObject } from "@/lib/storage";
import { createMember, createOrg } from "@/tests/factories";
import { html, startServer, TEST_SERVER_ADDRESS } from "../link-preview/local-server";
import { pngBytes } from "../media/fixtures";

// A page whose Open Graph image is served by the same (loopback) site, counting image requests.
async function siteWithImage(imageBody?: Uint8Array, imageType = "image/png") {
  const image = imageBody ?? (await pngBytes());
  const hits = { image: 0 };
  const site = await startServer((req, res) => {
    if (req.url === "/carte.png") {
      hits.image++;
      res.writeHead(200, { "content-type": imageType });
      return res.end(Buffer.from(image));
    }
    html(res, `<html><head><title>Grève du 5</title><meta property="og:image" content="/carte.png"></head></html>`);
  });
  return { ...site, hits, image };
}

// The operator allows the test site's loopback address (PRIVATE_FETCH_ALLOW_LIST); the image
// goes through the same SSRF-safe fetcher as the page.
beforeAll(() => {
  process.env.PRIVATE_FETCH_ALLOW_LIST = TEST_SERVER_ADDRESS;
});
afterAll(() => {
  delete process.env.PRIVATE_FETCH_ALLOW_LIST;
});

async function tenantOf() {
  const org = await createOrg();
  return (await createMember(org, { role: "lead" })).tenant;
}

describe("link preview images", () => {
  it("are fetched by the server and kept in Relais's own storage as a medium of the organisation", async () => {
    const tenant = await tenantOf();
    const site = await siteWithImage();
    const preview = await buildLinkPreview(tenant, `${site.origin}/article`);
    expect(preview).toMatchObject({ title: "Grève du 5", imageUrl: `${site.origin}/carte.png`, imageMediaId: expect.stringMatching(/^med_/) });
    const [row] = await db.select().from(media).where(eq(media.id, preview.imageMediaId!));
    expect(row).toMatchObject({ organizationId: tenant.orgId, kind: "image", contentType: "image/png" });
    const stored = await getObject(row.storageKey);
    expect(Buffer.from(await stored!.bytes())).toEqual(Buffer.from(site.image));
    expect(site.hits.image).toBe(1);
  });

  it("are stored once per organisation however many posts link the page", async () => {
    const tenant = await tenantOf();
    const site = await siteWithImage();
    const first = await buildLinkPreview(tenant, `${site.origin}/article`);
    const second = await buildLinkPreview(tenant, `${site.origin}/article`);
    expect(second.imageMediaId).toBe(first.imageMediaId);
    expect(await db.select().from(media).where(eq(media.organizationId, tenant.orgId))).toHaveLength(1);
  });

  it("are left out when the 'image' is not one", async () => {
    const tenant = await tenantOf();
    const site = await siteWithImage(new TextEncoder().encode("<script>alert(1)</script>"), "image/png");
    const preview = await buildLinkPreview(tenant, `${site.origin}/article`);
    expect(preview.imageMediaId).toBeUndefined();
    expect(await db.select().from(media).where(eq(media.organizationId, tenant.orgId))).toHaveLength(0);
  });
});
