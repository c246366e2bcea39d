"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { syncPublishingJobs } from "@/lib/publishing/schedule";
import { generateTestimonialVisualJob } from "@/workers/jobs/generate-testimonial-visual";
import { deleteDraftPost, reschedulePost, savePost, setPostPinned, transitionPost } from "./queries";
import { postIdSchema, reschedulePostSchema, savePostSchema, setPostPinnedSchema, transitionPostSchema } from "./schemas";

const refresh = (orgSlug: string, postId?: string) => {
  revalidatePath(`/${orgSlug}/posts`);
  if (postId) revalidatePath(`/${orgSlug}/posts/${postId}`);
};

export const savePostAction = orgAction(savePostSchema, "posts.write", async (tenant, input) => {
  const post = await savePost(tenant, input);
  // After the commit: the job reads the saved quote and photo.
  if (post.kind === "testimonial") await generateTestimonialVisualJob.enqueue({ orgId: tenant.orgId, postId: post.id });
  refresh(tenant.orgSlug, post.id);
  return { id: post.id };
});

// Submit, approve, schedule, back to draft, end now: who may is in lifecycle.ts.
export const transitionPostAction = orgAction(transitionPostSchema, "posts.write", async (tenant, { id, transition, note }) => {
  const { before, after } = await transitionPost(tenant, id, transition, note);
  await syncPublishingJobs(before, after);
  refresh(tenant.orgSlug, id);
  return { id, status: after.status };
});

// Editing the time moves the delayed job.
export const reschedulePostAction = orgAction(reschedulePostSchema, "posts.write", async (tenant, { id, ...times }) => {
  const { before, after } = await reschedulePost(tenant, id, times);
  await syncPublishingJobs(before, after);
  refresh(tenant.orgSlug, id);
  return { id, publishAt: after.publishAt, expiresAt: after.expiresAt };
});

export const setPostPinnedAction = orgAction(setPostPinnedSchema, "posts.write", async (tenant, { id, pinned }) => {
  const post = await setPostPinned(tenant, id, pinned);
  refresh(tenant.orgSlug, id);
  revalidatePath(`/${tenant.orgSlug}`);
  return post;
});

export const deletePostAction = orgAction(postIdSchema, "posts.write", async (tenant, { id }) => {
  await deleteDraftPost(tenant, id);
  refresh(tenant.orgSlug);
  return { id };
});
