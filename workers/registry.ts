import type { DefinedJob } from "./define-job";
import { generateTestimonialVisualJob } from "./jobs/generate-testimonial-visual";

// Every job the workers run. A job file defines itself with defineJob and is listed here.
export const JOBS: DefinedJob[] = [generateTestimonialVisualJob];
