import ipaddr from "ipaddr.js";

// PRIVATE_FETCH_ALLOW_LIST: what the operator lets the server fetch (link previews, RSS)
// although it is not on the public internet: host names ("intranet.example.org", or
// ".example.org" for every name under it) and addresses or ranges ("10.20.0.0/16",
// "192.168.1.20"), separated by commas or spaces. Empty by default: only public addresses.
// It is a setting of the server, not of a workspace: whoever creates a workspace must not be
// able to read the operator's network through it.
export type PrivateAllowList = { hosts: string[]; suffixes: string[]; ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

export class AllowListError extends Error {}

export function parsePrivateAllowList(raw: string | undefined): PrivateAllowList {
  const list: PrivateAllowList = { hosts: [], suffixes: [], ranges: [] };
  for (const entry of (raw ?? "").split(/[\s,]+/).filter(Boolean)) {
    const value = entry.toLowerCase();
    if (value.includes("/")) {
      try {
        list.ranges.push(ipaddr.parseCIDR(value));
      } catch {
        throw new AllowListError(`PRIVATE_FETCH_ALLOW_LIST: "${entry}" is not an address range`);
      }
    } else if (ipaddr.isValid(value.replace(/^\[|\]$/g, ""))) {
      const address = ipaddr.parse(value.replace(/^\[|\]$/g, ""));
      list.ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else if (/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(value)) {
      if (value.startsWith(".")) list.suffixes.push(value);
      else list.hosts.push(value);
    } else {
      throw new AllowListError(`PRIVATE_FETCH_ALLOW_LIST: "${entry}" is neither a host name nor an address`);
    }
  }
  return list;
}

// May `address`, reached for `hostname`, be fetched although it is not public?
export function allowedByOperator(list: PrivateAllowList, address: string, hostname: string) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (list.hosts.includes(host) || list.suffixes.some((suffix) => host.endsWith(suffix))) return true;
  const bare = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.process(bare);
  return list.ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

let cache: { raw: string | undefined; list: PrivateAllowList } | undefined;

// Read from the environment each time it changes (tests set it per case).
export function operatorAllowList() {
  const raw = process.env.PRIVATE_FETCH_ALLOW_LIST;
  if (!cache || cache.raw !== raw) cache = { raw, list: parsePrivateAllowList(raw) };
  return cache.list;
}
