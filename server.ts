// The web process: one node:http server in front of Next.js. Hot paths that must not pay
// Next's per-request cost (the tracked-link redirect) are answered here before Next sees them.
import http from "node:http";
import next from "next";
import { checkEnvAtStart } from "@/lib/env";
import { loadEnvFiles } from "@/lib/env-file";
import { clientAddress } from "@/lib/net/client-address";
import { CLIENT_ADDRESS_HEADER } from "@/lib/rate-limit/client-address-header";
import { linksConfig } from "@/lib/tracked-links/config";
import { createRedirectHandler } from "@/lib/tracked-links/redirect-handler";

loadEnvFiles();
checkEnvAtStart("web");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const redirect = createRedirectHandler();

const { TRUSTED_PROXIES } = linksConfig();

const server = http.createServer((req, res) => {
  if (req.url?.startsWith("/l/")) return redirect(req, res);
  // The visitor's address for rate limits, read once through the trusted proxies; a value the
  // client sent under this name is replaced.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, TRUSTED_PROXIES);
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
