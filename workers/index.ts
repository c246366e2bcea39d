import { closeDb } from "@/db/client";
import { closeQueues } from "./queues";
import { startWorkers } from "./runtime";
import { startSchedulers } from "./schedulers";

const running = startWorkers();
await startSchedulers();
console.log(`[worker] listening on ${running.workers.map((w) => w.name).join(", ")}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`[worker] ${signal}: finishing current jobs`);
  await running.close();
  await closeQueues();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
