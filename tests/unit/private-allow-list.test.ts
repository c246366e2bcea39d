import { describe, expect, it } from "vitest";
import { AllowListError, allowedByOperator, parsePrivateAllowList } from "@/lib/net/private-allow-list";

describe("PRIVATE_FETCH_ALLOW_LIST", () => {
  const list = parsePrivateAllowList("intranet.example.org, .corp.example.org 10.20.0.0/16,192.168.1.20 fd00::/8");

  it.each([
    ["a named host", "10.9.9.9", "intranet.example.org"],
    ["a name under an allowed suffix", "10.9.9.9", "wiki.corp.example.org"],
    ["an address inside an allowed range", "10.20.3.4", "10.20.3.4"],
    ["one allowed address", "192.168.1.20", "blog.local"],
    ["an IPv4-mapped address inside a range", "::ffff:10.20.0.1", "x"],
    ["an IPv6 range", "fd12::1", "x"],
  ])("allows %s", (_n, address, host) => {
    expect(allowedByOperator(list, address, host)).toBe(true);
  });

  it.each([
    ["another private address", "10.21.0.1", "x"],
    ["a neighbour of the allowed address", "192.168.1.21", "x"],
    ["a host that only ends like an allowed one", "10.9.9.9", "evilintranet.example.org"],
    ["loopback", "127.0.0.1", "localhost"],
    ["cloud metadata", "169.254.169.254", "169.254.169.254"],
  ])("refuses %s", (_n, address, host) => {
    expect(allowedByOperator(list, address, host)).toBe(false);
  });

  it("is empty by default", () => {
    expect(allowedByOperator(parsePrivateAllowList(undefined), "10.0.0.1", "intranet")).toBe(false);
  });

  it("refuses an entry it cannot read, naming it", () => {
    expect(() => parsePrivateAllowList("10.0.0.0/99")).toThrow(AllowListError);
    expect(() => parsePrivateAllowList("http://intranet/")).toThrow(/http:\/\/intranet\//);
  });
});
