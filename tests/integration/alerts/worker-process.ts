// A real worker process for the kill test: the notifications queue's workers and the outbox
// dispatcher, as `npm run worker` runs them, killed with SIGKILL mid-way by the test.
import { startJobRunner } from "@/workers/job-runner";

startJobRunner({ queues: ["notifications"], pollMs: 200 });
console.log("[kill-test worker] ready");
