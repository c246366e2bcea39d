import sharp from "sharp";
import { db } from "@/db/client";
import { posts, type Post } from "@/db/schema";
import { createMedia, newMediaId } from "@/lib/media/queries";
import { putObject } from "@/lib/storage";
import { asSystem } from "@/lib/tenancy";

export async function pngBytes(width = 40, height = 30, background = "#cc3366") {
  return new Uint8Array(await sharp({ create: { width, height, channels: 3, background } }).png().toBuffer());
}

// A stored image medium of `org`, as an upload would leave it.
export async function createStoredImage(org: { id: string }, bytes?: Uint8Array) {
  const content = bytes ?? (await pngBytes());
  const id = newMediaId();
  const storageKey = `orgs/${org.id}/media/${id}.png`;
  await putObject(storageKey, content, "image/png");
  return createMedia(asSystem(org.id), { id, kind: "image", contentType: "image/png", sizeBytes: content.byteLength, storageKey, width: 40, height: 30 });
}

export async function createPost(org: { id: string }, values: Partial<typeof posts.$inferInsert> = {}): Promise<Post> {
  const [post] = await db.insert(posts).values({ organizationId: org.id, ...values }).returning();
  return post;
}

// POST /api/orgs/:org/media as the browser sends it: the file itself, typed.
export async function postMedia(org: string, body: BodyInit | null, type?: string, headers: Record<string, string> = {}) {
  const { NextRequest } = await import("next/server");
  const { POST } = await import("@/app/api/orgs/[org]/media/route");
  const init = { method: "POST", body, headers: { ...(type === undefined ? {} : { "content-type": type }), ...headers }, duplex: "half" } as RequestInit;
  return POST(new NextRequest(`http://localhost:3000/api/orgs/${org}/media`, init as never), { params: Promise.resolve({ org }) });
}
