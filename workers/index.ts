import { closeDb } from "@/db/client";
import { startClickIngester } from "./jobs/ingest-clicks";
import { closeQueues } from "./queues";
import { startWorkers } from "./runtime";
import { startSchedulers } from "./schedulers";

const running = startWorkers();
const clicks = startClickIngester();
await startSchedulers();
console.log(`[worker] listening on ${running.workers.map((w) => w.name).join(", ")}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`[worker] ${signal}: finishing current jobs`);
  await Promise.all([running.close(), clicks.close()]);
  await closeQueues();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
