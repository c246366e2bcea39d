import { describe, expect, it } from "vitest";
import { GET } from "@/app/media/[id]/route";
import { createMember, createOrg, createUser } from "@/tests/factories";
import { actAs } from "@/tests/setup/request-context";
import { createPost, createStoredImage, pngBytes } from "./fixtures";

function get(id: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/media/${id}`, { headers }), { params: Promise.resolve({ id }) });
}

describe("GET /media/<id>", () => {
  it("serves a draft's media to a member of its organisation", async () => {
    const org = await createOrg();
    const bytes = await pngBytes();
    const image = await createStoredImage(org, bytes);
    await createPost(org, { kind: "image", mediaId: image.id, status: "draft" });
    const { user } = await createMember(org, { role: "advocate" });
    await actAs(user.id);

    const response = await get(image.id);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(bytes));
  });

  it("refuses a draft's media to someone who is not a member", async () => {
    const org = await createOrg();
    const image = await createStoredImage(org);
    await createPost(org, { kind: "image", mediaId: image.id, status: "draft" });
    await actAs((await createUser()).id);

    expect((await get(image.id)).status).toBe(404);
  });

  it("refuses a draft's media to a signed-out visitor", async () => {
    const org = await createOrg();
    const image = await createStoredImage(org);
    await createPost(org, { kind: "image", mediaId: image.id, status: "approved" });
    await actAs(null);

    expect((await get(image.id)).status).toBe(404);
  });

  it("serves a published post's visual to anyone, cacheable", async () => {
    const org = await createOrg();
    const visual = await createStoredImage(org);
    await createPost(org, { kind: "testimonial", visualLandscapeId: visual.id, status: "published", publishedAt: new Date() });
    await actAs(null);

    const response = await get(visual.id);

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public/);
  });

  it("answers a byte range with 206 and only those bytes", async () => {
    const org = await createOrg();
    const bytes = await pngBytes();
    const image = await createStoredImage(org, bytes);
    await createPost(org, { kind: "image", mediaId: image.id, status: "published", publishedAt: new Date() });
    await actAs(null);

    const response = await get(image.id, { range: "bytes=0-7" });

    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-7/${bytes.byteLength}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(bytes.subarray(0, 8)));
  });

  it("answers 304 when the browser already has it", async () => {
    const org = await createOrg();
    const image = await createStoredImage(org);
    await createPost(org, { kind: "image", mediaId: image.id, status: "published", publishedAt: new Date() });
    await actAs(null);

    expect((await get(image.id, { "if-none-match": `"${image.id}"` })).status).toBe(304);
  });

  it("answers 404 for an id that does not exist", async () => {
    await actAs(null);
    expect((await get("med_doesnotexist")).status).toBe(404);
  });
});
