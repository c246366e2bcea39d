import type { DefinedJob } from "./define-job";

// Every job the workers run. A job file defines itself with defineJob and is listed here.
export const JOBS: DefinedJob[] = [];
