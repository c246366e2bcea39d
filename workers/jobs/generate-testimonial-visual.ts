import { generateTestimonialVisualJob } from "@/lib/visuals/jobs";
import { generateTestimonialVisuals } from "@/lib/visuals/generate-testimonial-visuals";
import { handler } from "../handler";

export default handler(generateTestimonialVisualJob, ({ orgId, postId }) => generateTestimonialVisuals(orgId, postId));
