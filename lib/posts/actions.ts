"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action";
import { deleteDraftPost, reschedulePost, savePost, setPostPinned, transitionPost } from "./queries";
import { postIdSchema, reschedulePostSchema, savePostSchema, setPostPinnedSchema, transitionPostSchema } from "./schemas";

const refresh = (orgSlug: string, postId?: string) => {
  revalidatePath(`/${orgSlug}/posts`);
  if (postId) revalidatePath(`/${orgSlug}/posts/${postId}`);
};

export const savePostAction = orgAction(savePostSchema, "posts.write", async (tenant, input) => {
  const post = await savePost(tenant, input);
  refresh(tenant.orgSlug, post.id);
  return { id: post.id };
});

// Submit, approve, schedule, back to draft, end now: who may is in lifecycle.ts.
export const transitionPostAction = orgAction(transitionPostSchema, "posts.write", async (tenant, { id, transition, note }) => {
  const { after } = await transitionPost(tenant, id, transition, note);
  refresh(tenant.orgSlug, id);
  return { id, status: after.status };
});

// Editing the time moves the delayed job (through the outbox, see reschedulePost).
export const reschedulePostAction = orgAction(reschedulePostSchema, "posts.write", async (tenant, { id, ...times }) => {
  const { after } = await reschedulePost(tenant, id, times);
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
