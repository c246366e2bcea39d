import { closeDb } from "@/db/client";
import { closeQueues } from "@/lib/jobs/queues";
import { startClickIngester } from "./click-ingester";
import { startOutboxDispatcher } from "./outbox-dispatcher";
import { startWorkers } from "./runtime";
import { startSchedulers } from "./schedulers";
import { checkEnvAtStart } from "@/lib/env";
import { loadEnvFiles } from "@/lib/env-file";

loadEnvFiles();
checkEnvAtStart("worker");

const running = startWorkers();
const clicks = startClickIngester();
const outbox = startOutboxDispatcher();
await startSchedulers();
console.log(`[worker] listening on ${running.workers.map((w) => w.name).join(", ")}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`[worker] ${signal}: finishing current jobs`);
  await Promise.all([running.close(), clicks.close(), outbox.close()]);
  await closeQueues();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
