import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export const TEST_SERVER_ADDRESS = "127.0.0.2";
const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

// A real HTTP server on 127.0.0.2 for one test, closed after it: any other loopback address
// (127.0.0.1, ::1, what "localhost" resolves to) stays refused by onlyTestServer.
export async function startServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, TEST_SERVER_ADDRESS, resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://${TEST_SERVER_ADDRESS}:${port}`, port, server };
}

export function html(res: http.ServerResponse, body: string, headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
  res.end(body);
}

// Only the test server's own address: everything else stays refused, as in production.
export const onlyTestServer = (address: string) => address === TEST_SERVER_ADDRESS;
