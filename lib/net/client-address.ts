// The visitor's address as seen through `trustedProxies` reverse proxies. Each proxy appends
// the address it received the request from to X-Forwarded-For, so with N proxies in front the
// visitor is the N-th entry from the right; anything further left was written by the client
// and proves nothing. Without proxies the header is ignored and the socket's peer is the
// visitor. A list shorter than promised (a proxy misconfigured) yields its leftmost entry,
// which is still the one the outermost proxy wrote.
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number) {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length > 0) return normalize(hops[Math.max(0, hops.length - trustedProxies)]);
  }
  return normalize(socketAddress ?? "");
}

// One spelling per address: "::ffff:203.0.113.9" (an IPv4 visitor on a dual-stack socket) and
// "203.0.113.9" are the same visitor. Cheap on purpose: it runs on every redirect.
function normalize(address: string) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
