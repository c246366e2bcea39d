import { z } from "zod";
import { generateTestimonialVisuals } from "@/lib/visuals/generate-testimonial-visuals";
import { defineJob } from "../define-job";

// Enqueue after a testimonial post is saved (no jobId: every edit must get its run; a run with
// nothing new to draw returns at once).
export const generateTestimonialVisualJob = defineJob({
  name: "generate-testimonial-visual",
  queue: "default",
  schema: z.object({ orgId: z.string().min(1), postId: z.string().min(1) }),
  handle: ({ orgId, postId }) => generateTestimonialVisuals(orgId, postId),
});
