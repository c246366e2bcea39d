import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { media, posts, type Testimonial } from "@/db/schema";
import { getObject } from "@/lib/storage";
import { createOrg } from "@/tests/factories";
import { createPost, createStoredImage } from "@/tests/integration/media/fixtures";
import { generateTestimonialVisualJob } from "@/lib/visuals/jobs";
import { useWorker } from "@/tests/setup/jobs";

const worker = useWorker([generateTestimonialVisualJob], ["default"]);

const testimonial = (overrides: Partial<Testimonial> = {}): Testimonial => ({
  firstName: "Geneviève",
  jobTitle: "Éducatrice en CPE",
  quote: "J'aime mon métier parce que chaque enfant m'apprend quelque chose de nouveau.",
  ...overrides,
});

// Width and height from the IHDR chunk, right after the 8-byte signature.
function pngSize(bytes: Uint8Array) {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

async function visualsOf(postId: string) {
  const [post] = await db.select().from(posts).where(eq(posts.id, postId));
  const read = async (id: string | null) => {
    const [row] = await db.select().from(media).where(eq(media.id, id ?? ""));
    const object = row ? await getObject(row.storageKey) : null;
    return { row, size: object ? pngSize(await object.bytes()) : null };
  };
  return { landscape: await read(post.visualLandscapeId), square: await read(post.visualSquareId) };
}

const visualMediaOf = (orgId: string, postId: string) => db.select().from(media).where(like(media.storageKey, `orgs/${orgId}/visuals/${postId}-%`));

describe("testimonial visuals", () => {
  it("stores a 1200×627 and a 1080×1080 PNG and points the post at them", async () => {
    const org = await createOrg({ brandColor: "#b91c1c" });
    const photo = await createStoredImage(org);
    const post = await createPost(org, { kind: "testimonial", testimonial: testimonial({ photoMediaId: photo.id }) });

    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });

    const visuals = await visualsOf(post.id);
    expect(visuals.landscape.size).toEqual({ width: 1200, height: 627 });
    expect(visuals.square.size).toEqual({ width: 1080, height: 1080 });
    expect(visuals.landscape.row).toMatchObject({ organizationId: org.id, kind: "image", contentType: "image/png", width: 1200, height: 627 });
  });

  it("running the job twice keeps one medium per visual", async () => {
    const org = await createOrg();
    const post = await createPost(org, { kind: "testimonial", testimonial: testimonial() });

    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });
    const first = await visualsOf(post.id);
    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });

    const second = await visualsOf(post.id);
    expect(second.landscape.row?.id).toBe(first.landscape.row?.id);
    expect(second.square.row?.id).toBe(first.square.row?.id);
    expect(await visualMediaOf(org.id, post.id)).toHaveLength(2);
  });

  it("two runs at the same time still leave one medium per visual", async () => {
    const org = await createOrg();
    const post = await createPost(org, { kind: "testimonial", testimonial: testimonial() });

    await Promise.all([
      worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id }),
      worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id }),
    ]);

    expect(await visualMediaOf(org.id, post.id)).toHaveLength(2);
  });

  it("a changed quote gets new visuals and the old ones are removed", async () => {
    const org = await createOrg();
    const post = await createPost(org, { kind: "testimonial", testimonial: testimonial() });
    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });
    const before = await visualsOf(post.id);

    await db.update(posts).set({ testimonial: testimonial({ quote: "J'aime mon métier parce qu'on bâtit quelque chose ensemble." }) }).where(eq(posts.id, post.id));
    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });

    const after = await visualsOf(post.id);
    expect(after.landscape.row?.id).not.toBe(before.landscape.row?.id);
    expect(await visualMediaOf(org.id, post.id)).toHaveLength(2);
    expect(await getObject(before.landscape.row!.storageKey)).toBeNull();
  });

  it("a post that is not a testimonial gets no visual", async () => {
    const org = await createOrg();
    const post = await createPost(org, { kind: "text" });

    await worker.run(generateTestimonialVisualJob, { orgId: org.id, postId: post.id });

    expect(await visualMediaOf(org.id, post.id)).toEqual([]);
  });

  it("another organisation's id finds nothing to draw", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const post = await createPost(org, { kind: "testimonial", testimonial: testimonial() });

    await worker.run(generateTestimonialVisualJob, { orgId: other.id, postId: post.id });

    expect(await visualMediaOf(org.id, post.id)).toEqual([]);
    expect(await visualMediaOf(other.id, post.id)).toEqual([]);
  });
});
