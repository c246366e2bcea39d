import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

// Every minute: rewrite the Redis entries (link:<code>) of links whose destination may have
// changed, so the redirect never needs PostgreSQL for a known code. `full` rewrites them all.
export const syncLinkCacheJob = defineJob({ name: "sync-link-cache", queue: "clicks", schema: z.object({ full: z.boolean().optional() }) });
