import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { media } from "@/db/schema";
import { getObject } from "@/lib/storage";
import { createMember, createOrg } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { pngBytes, postMedia } from "./fixtures";

// What the route answered: its status and JSON body.
async function upload(org: string, bytes: Uint8Array | string, type: string | undefined) {
  const answer = await postMedia(org, typeof bytes === "string" ? bytes : new Blob([bytes as BlobPart]), type);
  return { status: answer.status, body: await answer.json() };
}
const refusal = (code: string) => ({ status: 400, body: { error: { code: "bad_request", message: "Invalid input", details: { file: [code] } } } });

async function asLead() {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "lead" });
  await actAs(user.id);
  return org;
}

// The smallest WebM a file-type reader recognises: an EBML header naming the "webm" doc type.
const webmBytes = () =>
  new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);

describe("uploading media", () => {
  it("stores a PNG with its size and dimensions and answers its id, kind and URL", async () => {
    const org = await asLead();
    const bytes = await pngBytes(64, 48);

    const result = await upload(org.slug, bytes, "image/png");

    expect(result).toMatchObject({ status: 201, body: { kind: "image", url: expect.stringMatching(/^\/media\/med_/) } });
    const id = (result.body as { id: string }).id;
    const [row] = await db.select().from(media).where(eq(media.id, id));
    expect(row).toMatchObject({ organizationId: org.id, contentType: "image/png", sizeBytes: bytes.byteLength, width: 64, height: 48 });
    expect(Buffer.from(await (await getObject(row.storageKey))!.bytes())).toEqual(Buffer.from(bytes));
  });

  it("stores a WebM video", async () => {
    const org = await asLead();

    const result = await upload(org.slug, webmBytes(), "video/webm");

    expect(result).toMatchObject({ status: 201, body: { kind: "video" } });
  });

  it("refuses a file whose content does not match its claimed type", async () => {
    const org = await asLead();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");

    const result = await upload(org.slug, html, "image/png");

    expect(result).toEqual(refusal("media_type_mismatch"));
    expect(await db.select().from(media).where(eq(media.organizationId, org.id))).toEqual([]);
  });

  it("refuses a PNG that claims to be a JPEG", async () => {
    const org = await asLead();

    const result = await upload(org.slug, await pngBytes(), "image/jpeg");

    expect(result).toEqual(refusal("media_type_mismatch"));
  });

  it("refuses a type that is not allowed, even when it is what it claims", async () => {
    const org = await asLead();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

    const result = await upload(org.slug, svg, "image/svg+xml");

    expect(result).toEqual(refusal("media_type_unsupported"));
  });

  it("refuses an image over the size limit", async () => {
    const org = await asLead();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(await pngBytes());

    const result = await upload(org.slug, big, "image/png");

    expect(result).toEqual(refusal("media_too_large"));
    expect(await db.select().from(media).where(eq(media.organizationId, org.id))).toEqual([]);
  });

  it("refuses an empty body", async () => {
    const org = await asLead();

    expect(await upload(org.slug, new Uint8Array(0), "image/png")).toEqual(refusal("media_file_required"));
  });

  it("a staff member may not upload", async () => {
    const org = await createOrg();
    const { user } = await createMember(org, { role: "staff" });
    await actAs(user.id);

    expect((await upload(org.slug, await pngBytes(), "image/png")).status).toBe(403);
  });
});
