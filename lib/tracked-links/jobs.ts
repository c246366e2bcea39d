import { z } from "zod";
import { defineJob, type JobRequest } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

// Every minute: rewrite the Redis entries (link:<code>) of links whose destination may have
// changed, so the redirect never needs PostgreSQL for a known code. `full` rewrites them all.
export const syncLinkCacheJob = defineJob({ name: "sync-link-cache", queue: "clicks", schema: z.object({ full: z.boolean().optional() }) });

// Now rather than at the next sync: the post's links lead to its approved destination, and
// the given codes, if gone from PostgreSQL, leave Redis and every redirect process's memory.
export const refreshLinkCacheJob = defineJob({
  name: "refresh-link-cache",
  queue: "clicks",
  schema: z.object({ postId: z.string().min(1), goneCodes: z.array(z.string()).default([]) }),
});

// A sync that read the links just before the post was deleted may write them back after the
// first eviction: a second one, once any sync in flight has finished, removes them for good.
const SECOND_EVICTION_MS = 3 * 60_000;

export function onPostDestinationChanged({ payload }: StoredEvent<"post.destination.changed">): JobRequest[] {
  return [refreshLinkCacheJob.request({ postId: payload.postId })];
}

export function onPostDeleted({ id, payload }: StoredEvent<"post.deleted">): JobRequest[] {
  if (payload.linkCodes.length === 0) return [];
  const data = { postId: payload.postId, goneCodes: payload.linkCodes };
  return [refreshLinkCacheJob.request(data), refreshLinkCacheJob.request(data, { jobId: `refresh-link-cache-e${id}-again`, delay: SECOND_EVICTION_MS })];
}
