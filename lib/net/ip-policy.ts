import net from "node:net";
import ipaddr from "ipaddr.js";

// Only globally routable unicast addresses are public. Everything ipaddr.js classes otherwise
// is refused: private (10/8, 172.16/12, 192.168/16), loopback, link-local (169.254/16, cloud
// metadata), CGNAT (100.64/10), multicast, broadcast, unspecified, reserved and documentation
// ranges, IPv6 unique-local and link-local, and the IPv6 forms that embed an IPv4 address
// (mapped ::ffff:a.b.c.d is unwrapped and judged as IPv4; NAT64, 6to4 and Teredo are refused).
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === "unicast";
}

export function isIpLiteral(hostname: string) {
  return net.isIP(hostname.replace(/^\[|\]$/g, "")) !== 0;
}
