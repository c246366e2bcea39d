// The web process: one node:http server in front of Next.js. Hot paths that must not pay
// Next's per-request cost (the tracked-link redirect) are answered here before Next sees them.
import http from "node:http";
import next from "next";
import { createRedirectHandler } from "@/lib/tracked-links/redirect-handler";
import { checkEnvAtStart } from "@/lib/env";

checkEnvAtStart("web");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const redirect = createRedirectHandler();

const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/l/")) return redirect(req, res);
  if (req.url === "/healthz/clicks") return void res.writeHead(200, { "Content-Type": "text/plain" }).end(redirect.health());
  void handle(req, res);
});

server.listen(port, hostname, () => console.log(`[web] listening on http://localhost:${port}`));

function shutdown() {
  server.close(() => void redirect.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
