import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { media, organizationLogos } from "@/db/schema";
import { env } from "@/lib/env";
import { mediaMaxBytes } from "@/lib/media/upload-media";
import { LOGO_MAX_BYTES } from "@/lib/organizations/schemas";
import { createMember, createOrg } from "@/tests/factories";
import { pngBytes, postMedia } from "@/tests/integration/media/fixtures";
import { PNG_1PX } from "@/tests/integration/organizations/fixtures";
import { actAs } from "@/tests/setup/request-context";

const CHUNK = 256 * 1024;

// A chunked upload that never ends: no Content-Length, a PNG header then zeros for as long as
// the reader pulls. `pulled` says how much the route read. highWaterMark 0: nothing is pulled
// before the route asks.
function endlessUpload(head: Uint8Array) {
  const counter = { pulled: 0, cancelled: false };
  const zeros = new Uint8Array(CHUNK);
  let first = true;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = first ? head : zeros;
        first = false;
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, counter };
}

async function asOwner() {
  const org = await createOrg();
  const { user } = await createMember(org, { role: "owner" });
  await actAs(user.id);
  return org;
}

async function storedMediaFiles(orgId: string) {
  return fs.readdir(path.resolve(env().STORAGE_DIR, "orgs", orgId, "media")).catch(() => []);
}

async function postLogoBody(org: string, body: BodyInit, headers: Record<string, string> = {}) {
  const { NextRequest } = await import("next/server");
  const { POST } = await import("@/app/api/orgs/[org]/logo/route");
  const init = { method: "POST", body, headers: { "content-type": "image/png", ...headers }, duplex: "half" } as RequestInit;
  return POST(new NextRequest(`http://localhost:3000/api/orgs/${org}/logo`, init as never), { params: Promise.resolve({ org }) });
}

describe("upload routes stop reading at their limit", () => {
  it("cut a chunked media upload with no length off at the limit: 413, the rest never read, nothing stored", async () => {
    const org = await asOwner();
    const { body, counter } = endlessUpload(await pngBytes());

    const answer = await postMedia(org.slug, body, "image/png");

    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(counter.pulled).toBeGreaterThan(mediaMaxBytes());
    expect(counter.pulled).toBeLessThanOrEqual(mediaMaxBytes() + 4 * CHUNK);
    expect(counter.cancelled).toBe(true);
    expect(await db.select().from(media).where(eq(media.organizationId, org.id))).toEqual([]);
    expect(await storedMediaFiles(org.id)).toEqual([]);
  }, 60_000);

  it("refuse a declared Content-Length above the limit before reading anything", async () => {
    const org = await asOwner();
    const { body, counter } = endlessUpload(await pngBytes());

    const answer = await postMedia(org.slug, body, "image/png", { "content-length": String(mediaMaxBytes() + 1) });

    expect(answer.status).toBe(413);
    expect(counter.pulled).toBe(0);
    expect(await db.select().from(media).where(eq(media.organizationId, org.id))).toEqual([]);
  });

  it("store a normal chunked upload whole", async () => {
    const org = await asOwner();
    const bytes = await pngBytes(300, 200);
    const chunks = [bytes.slice(0, 100), bytes.slice(100)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });

    const answer = await postMedia(org.slug, body, "image/png");

    expect(answer.status).toBe(201);
    const [row] = await db.select().from(media).where(eq(media.organizationId, org.id));
    expect(row).toMatchObject({ sizeBytes: bytes.byteLength, width: 300, height: 200 });
    expect(await storedMediaFiles(org.id)).toHaveLength(2); // the file and its type
  });

  it("cut a chunked logo upload off at 1 MB: 413, nothing stored", async () => {
    const org = await asOwner();
    const { body, counter } = endlessUpload(new Uint8Array(PNG_1PX));

    const answer = await postLogoBody(org.slug, body);

    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(counter.pulled).toBeLessThanOrEqual(LOGO_MAX_BYTES + 4 * CHUNK);
    expect(counter.cancelled).toBe(true);
    expect(await db.select().from(organizationLogos).where(eq(organizationLogos.organizationId, org.id))).toEqual([]);
  });

  it("refuse a logo whose declared length is over 1 MB before reading it", async () => {
    const org = await asOwner();
    const { body, counter } = endlessUpload(new Uint8Array(PNG_1PX));

    const answer = await postLogoBody(org.slug, body, { "content-length": String(LOGO_MAX_BYTES + 1) });

    expect(answer.status).toBe(413);
    expect(counter.pulled).toBe(0);
  });
});
