import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, organizationLogos, organizations } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { removeOrganizationLogoAction, updateOrganizationSettingsAction } from "@/lib/organizations/actions";
import { brandPalette } from "@/lib/organizations/brand";
import { LOGO_MAX_BYTES } from "@/lib/organizations/schemas";
import { GET as getLogo } from "@/app/api/orgs/[org]/logo/route";
import { createMember, createOrg, unique } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { PNG_1PX, pngFile, postLogo, storeLogo } from "./fixtures";

async function signedIn(role: Role = "owner") {
  const org = await createOrg();
  const caller = await createMember(org, { role });
  await actAs(caller.user.id);
  return { org, caller };
}

function settingsForm(org: { slug: string; name: string }, changes: Record<string, string> = {}) {
  const f = new FormData();
  const values = { org: org.slug, name: org.name, slug: org.slug, defaultLocale: "fr", brandColor: "#0f4c81", timeZone: "America/Toronto", ...changes };
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function stored(orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  return org;
}

async function fetchLogo(slug: string, query = "") {
  const { NextRequest } = await import("next/server");
  return getLogo(new NextRequest(`http://localhost:3000/api/orgs/${slug}/logo${query}`), { params: Promise.resolve({ org: slug }) });
}

describe("organisation settings: who may", () => {
  it.each([
    ["owner", true],
    ["admin", true],
    ["lead", false],
    ["staff", false],
    ["advocate", false],
  ] as const)("saving settings as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    const result = await updateOrganizationSettingsAction(null, settingsForm(org, { name: "Nouveau nom" }));
    expect(result).toMatchObject(allowed ? { ok: true } : { ok: false, code: "forbidden" });
    expect((await stored(org.id)).name).toBe(allowed ? "Nouveau nom" : org.name);
  });

  it.each([
    ["owner", true],
    ["admin", true],
    ["lead", false],
  ] as const)("uploading a logo as %s: allowed = %s", async (role, allowed) => {
    const { org } = await signedIn(role);
    expect((await postLogo(org.slug, pngFile())).status).toBe(allowed ? 204 : 403);
  });
});

describe("organisation settings: saving", () => {
  it("saves name, language, brand colour and time zone, and logs which fields changed", async () => {
    const { org } = await signedIn();
    const result = await updateOrganizationSettingsAction(
      null,
      settingsForm(org, { name: "Réseau des conseillers", defaultLocale: "en", brandColor: "#AA3300", timeZone: "America/Vancouver" }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(await stored(org.id)).toMatchObject({ name: "Réseau des conseillers", defaultLocale: "en", brandColor: "#aa3300", timeZone: "America/Vancouver" });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(entry).toMatchObject({ action: "organization.settings_updated", details: { fields: ["name", "defaultLocale", "brandColor", "timeZone"] } });
  });

  it("moves the workspace to its new address when the slug changes", async () => {
    const { org } = await signedIn();
    const slug = unique("nouveau-");
    await expect(updateOrganizationSettingsAction(null, settingsForm(org, { slug }))).rejects.toMatchObject({
      digest: expect.stringContaining(`;/${slug}/settings;`),
    });
    expect((await stored(org.id)).slug).toBe(slug);
  });

  it("refuses a slug another organisation uses, and keeps the old one", async () => {
    const taken = await createOrg();
    const { org } = await signedIn();
    expect(await updateOrganizationSettingsAction(null, settingsForm(org, { slug: taken.slug }))).toEqual({ ok: false, code: "conflict" });
    expect((await stored(org.id)).slug).toBe(org.slug);
  });

  it.each([
    ["slug", "Avec Espaces", "slug_format"],
    ["slug", "settings", "slug_reserved"],
    ["brandColor", "bleu", "brand_color_format"],
    ["brandColor", "#12345", "brand_color_format"],
    ["brandColor", "#12345g", "brand_color_format"],
    ["timeZone", "Mars/Olympus_Mons", "time_zone_unknown"],
    ["defaultLocale", "de", undefined],
    ["name", "X", undefined],
  ])("refuses %s = %j", async (field, value, message) => {
    const { org } = await signedIn();
    const result = await updateOrganizationSettingsAction(null, settingsForm(org, { [field]: value }));
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { [field]: message ? [message] : expect.any(Array) } });
    expect(await stored(org.id)).toMatchObject({ slug: org.slug, brandColor: org.brandColor, timeZone: org.timeZone, name: org.name });
  });
});

describe("organisation settings: logo", () => {
  it("stores an uploaded PNG and serves it to members with its detected type", async () => {
    const { org } = await signedIn("admin");
    expect((await postLogo(org.slug, pngFile())).status).toBe(204);
    const [logo] = await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id));
    expect(logo).toMatchObject({ contentType: "image/png", byteSize: PNG_1PX.byteLength });

    const advocate = await createMember(org, { role: "advocate" });
    await actAs(advocate.user.id);
    const response = await fetchLogo(org.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_1PX);
  });

  it("lets browsers keep the versioned logo address the header links to", async () => {
    const { org } = await signedIn();
    await storeLogo(org);
    const [logo] = await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id));
    expect((await fetchLogo(org.slug, `?v=${logo.updatedAt.getTime()}`)).headers.get("cache-control")).toContain("immutable");
    expect((await fetchLogo(org.slug)).headers.get("cache-control")).toBe("private, no-cache");
  });

  it("refuses a file that only claims to be an image", async () => {
    const { org } = await signedIn();
    const fake = new File(["<html><script>alert(1)</script></html>"], "logo.png", { type: "image/png" });
    const answer = await postLogo(org.slug, fake);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: "bad_request", details: { logo: ["logo_type"] } } });
    expect(await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id))).toEqual([]);
  });

  it("refuses an SVG logo", async () => {
    const { org } = await signedIn();
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "logo.svg", { type: "image/svg+xml" });
    expect(await (await postLogo(org.slug, svg)).json()).toMatchObject({ error: { code: "bad_request", details: { logo: ["logo_type"] } } });
  });

  it("refuses a logo over 1 MB", async () => {
    const { org } = await signedIn();
    const big = new File([PNG_1PX, Buffer.alloc(LOGO_MAX_BYTES)], "big.png", { type: "image/png" });
    const answer = await postLogo(org.slug, big);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id))).toEqual([]);
  });

  it("asks for a file when none is chosen", async () => {
    const { org } = await signedIn();
    expect(await (await postLogo(org.slug, null)).json()).toMatchObject({ error: { code: "bad_request", details: { logo: ["logo_required"] } } });
  });

  it("replaces the previous logo instead of keeping two", async () => {
    const { org } = await signedIn();
    await storeLogo(org);
    expect((await postLogo(org.slug, pngFile("new.png"))).status).toBe(204);
    expect(await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id))).toHaveLength(1);
  });

  it("removes the logo, after which the route answers 404", async () => {
    const { org } = await signedIn();
    await storeLogo(org);
    expect(await removeOrganizationLogoAction({ org: org.slug })).toMatchObject({ ok: true });
    expect((await fetchLogo(org.slug)).status).toBe(404);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "organization.logo_removed")))).toHaveLength(1);
  });

  it("hides the logo from people outside the organisation and from signed-out visitors", async () => {
    const org = await createOrg();
    await storeLogo(org);
    const outsider = await createMember(await createOrg(), { role: "owner" });
    await actAs(outsider.user.id);
    expect((await fetchLogo(org.slug)).status).toBe(404);
    await actAs(null);
    expect((await fetchLogo(org.slug)).status).toBe(401);
  });
});

describe("brand colour", () => {
  it.each(["#ffff00", "#0f4c81", "#777777", "#767676", "#1d4ed8", "#000000", "#ffffff", "#ff0000", "#00ff00"])(
    "puts readable text on %s (at least 4.5:1)",
    async (hex) => {
      const { colord, extend } = await import("colord");
      const a11y = (await import("colord/plugins/a11y")).default;
      extend([a11y]);
      const { onBrand } = brandPalette(hex);
      expect(colord(hex).contrast(onBrand)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
