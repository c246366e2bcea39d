import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/net/client-address";

describe("the visitor's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.2", 0)).toBe("198.51.100.2");
    expect(clientAddress(undefined, "198.51.100.2", 0)).toBe("198.51.100.2");
  });

  it("is the entry the one trusted proxy appended, never the client-written ones on the left", () => {
    expect(clientAddress("1.1.1.1, 2.2.2.2, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("is the entry the outermost of two trusted proxies appended", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.5", "10.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(clientAddress(["6.6.6.6", "203.0.113.7"], "10.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("is the leftmost entry when the list is shorter than the proxies promised", () => {
    expect(clientAddress("203.0.113.7", "10.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("is the socket's peer when a trusted proxy sent no header", () => {
    expect(clientAddress(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddress(" , ", "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("writes an IPv4 visitor on a dual-stack socket the same way as on an IPv4 one", () => {
    expect(clientAddress(undefined, "::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("198.51.100.4, ::ffff:203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
  });
});
