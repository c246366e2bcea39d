import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { isIpLiteral, isPublicAddress } from "./ip-policy";
import { allowedByOperator, operatorAllowList } from "./private-allow-list";

export type SafeFetchErrorCode = "invalid_url" | "blocked_address" | "timeout" | "too_large" | "too_many_redirects" | "http_error" | "network_error";

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type SafeFetchOptions = {
  // Replaces the server's policy (public addresses, plus PRIVATE_FETCH_ALLOW_LIST): tests
  // reach one loopback server and nothing else.
  isAllowedAddress?: (address: string) => boolean;
  // Whole operation, every redirect and the body included.
  timeoutMs?: number;
  maxBytes?: number;
  // "truncate" keeps the first maxBytes (enough for a page's <head>); "error" refuses.
  overflow?: "truncate" | "error";
  maxRedirects?: number;
  headers?: Record<string, string>;
};

export type SafeFetchResponse = {
  url: string;
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
  truncated: boolean;
};

const USER_AGENT = "Relais/1.0 (link preview)";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type AddressPolicy = (address: string, hostname: string) => boolean;

// Public addresses, and what the operator allowed (never a workspace: see private-allow-list).
function serverPolicy(): AddressPolicy {
  const list = operatorAllowList();
  return (address, hostname) => isPublicAddress(address) || allowedByOperator(list, address, hostname);
}

function parseTarget(raw: string, allowed: AddressPolicy) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError("invalid_url", "Not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SafeFetchError("invalid_url", "Only http and https");
  if (url.username || url.password) throw new SafeFetchError("invalid_url", "No credentials in URLs");
  // The resolver below never sees an IP literal (the socket connects to it directly).
  if (isIpLiteral(url.hostname) && !allowed(url.hostname.replace(/^\[|\]$/g, ""), url.hostname)) {
    throw new SafeFetchError("blocked_address", "Private address");
  }
  return url;
}

// Resolves the name ourselves and hands the socket only addresses that passed the check, so a
// name cannot be checked against one address and connected to another (DNS rebinding).
function guardedLookup(allowed: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      if (!addresses.length || addresses.some((a) => !allowed(a.address, hostname))) {
        return callback(new SafeFetchError("blocked_address", "Private address"), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const UNDICI_TIMEOUTS = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);

function unwrap(error: unknown, signal: AbortSignal): SafeFetchError {
  if (signal.aborted) return new SafeFetchError("timeout", "Took too long");
  for (let e = error as { cause?: unknown; code?: string } | undefined; e; e = e.cause as typeof e) {
    if (e instanceof SafeFetchError) return e;
    if (e.code && UNDICI_TIMEOUTS.has(e.code)) return new SafeFetchError("timeout", "Took too long");
  }
  return new SafeFetchError("network_error", (error as Error)?.message ?? "Network error");
}

type Body = AsyncIterable<Buffer> & { destroy(): void; on(event: "error", listener: () => void): void };

// Closes the connection without waiting for the rest; the abort it causes is expected.
function discard(body: Body) {
  body.on("error", () => {});
  body.destroy();
}

async function readBody(body: Body, maxBytes: number) {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    if (total + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - total));
      discard(body);
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(chunk);
    total += chunk.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

// GET a URL a member gave us, from the server, without letting it reach our own network:
// http(s) only, every hop (redirects included) checked, a deadline and a size cap.
export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  const { timeoutMs = 5_000, maxBytes = 1024 * 1024, overflow = "truncate", maxRedirects = 3 } = options;
  const allowed: AddressPolicy = options.isAllowedAddress ?? serverPolicy();
  const signal = AbortSignal.timeout(timeoutMs);
  const agent = new Agent({
    connect: { lookup: guardedLookup(allowed), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  let url = parseTarget(rawUrl, allowed);
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(url, {
        method: "GET",
        dispatcher: agent,
        signal,
        headers: { "user-agent": USER_AGENT, accept: "*/*", ...options.headers },
      }).catch((error) => {
        throw unwrap(error, signal);
      });
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode) && typeof location === "string") {
        discard(response.body);
        if (hop >= maxRedirects) throw new SafeFetchError("too_many_redirects", "Too many redirects");
        url = parseTarget(URL.parse(location, url)?.toString() ?? "", allowed);
        continue;
      }
      const length = Number(response.headers["content-length"]);
      if (overflow === "error" && length > maxBytes) {
        discard(response.body);
        throw new SafeFetchError("too_large", "Response too large");
      }
      const read = await readBody(response.body, maxBytes).catch((error) => {
        throw unwrap(error, signal);
      });
      if (read.truncated && overflow === "error") throw new SafeFetchError("too_large", "Response too large");
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]),
      );
      return { url: url.toString(), status: response.statusCode, headers, ...read };
    }
  } finally {
    void agent.destroy().catch(() => {});
  }
}
