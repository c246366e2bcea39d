import { createECDH, randomBytes } from "node:crypto";
import http from "node:http";
import * as ece from "http_ece";

// A local HTTP server standing for Slack's and Teams' incoming webhooks and for a browser's
// push service: it keeps what it receives; /gone answers 410 like a push service whose
// subscription expired.
export async function startHttpSink() {
  const received: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      if (req.url?.includes("gone")) res.writeHead(410).end("gone");
      else if (req.url?.includes("refuse")) res.writeHead(400).end("invalid_payload");
      else res.writeHead(req.url?.startsWith("/push") ? 201 : 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

// A browser's push subscription keys (P-256 key pair, 16-byte auth secret), able to decrypt
// what the push service hands it (RFC 8291, aes128gcm).
export function pushKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    p256dh: ecdh.getPublicKey().toString("base64url"),
    auth: auth.toString("base64url"),
    decrypt: (body: Buffer) => JSON.parse(ece.decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8")),
  };
}
