// The standalone tracked-link redirect: /l/<code> only, on its own port (REDIRECT_PORT),
// scaled apart from the web app (`npm run redirect`; put it behind the same host as the app
// for /l/, or on a short domain of its own). Same handler as server.ts mounts in front of Next.
import http from "node:http";
import { closeDb } from "@/db/client";
import { linksConfig } from "@/lib/tracked-links/config";
import { createRedirectHandler } from "@/lib/tracked-links/redirect-handler";
import { checkEnvAtStart } from "@/lib/env";
import { loadEnvFiles } from "@/lib/env-file";

loadEnvFiles();
checkEnvAtStart("redirect");

const port = linksConfig().REDIRECT_PORT;
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const redirect = createRedirectHandler();

const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/l/")) return redirect(req, res);
  if (req.url === "/healthz") {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`ok\n${redirect.health()}`);
    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" });
  res.end("Not found");
});
server.keepAliveTimeout = 65_000;

server.listen(port, hostname, () => console.log(`[redirect] listening on http://localhost:${port}`));

async function shutdown() {
  server.close();
  server.closeIdleConnections();
  // Clicks still in memory go to Redis before the process ends.
  await redirect.close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
