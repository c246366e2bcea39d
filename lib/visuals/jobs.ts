import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import type { StoredEvent } from "@/lib/jobs/events";

const postRef = z.object({ orgId: z.string().min(1), postId: z.string().min(1) });

// After a testimonial post is saved (event "visual.requested"): every edit gets its run; a
// run with nothing new to draw returns at once.
export const generateTestimonialVisualJob = defineJob({ name: "generate-testimonial-visual", queue: "default", schema: postRef });

export const onVisualRequested = ({ id, orgId, payload }: StoredEvent<"visual.requested">) => [
  generateTestimonialVisualJob.request({ orgId, postId: payload.postId }, { jobId: `visual-${payload.postId}-e${id}` }),
];
