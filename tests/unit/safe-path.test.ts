import { describe, expect, it } from "vitest";
import { inAppPath, safeInAppPath } from "@/lib/net/safe-path";

// Known ways of spelling another origin so that a naive "starts with /" check lets it through.
const refused: [string, unknown][] = [
  ["a backslash after the slash", "/\\evil.example"],
  ["an encoded backslash", "/%5Cevil.example"],
  ["a double-encoded backslash", "/%255Cevil.example"],
  ["a protocol-relative URL", "//evil.example"],
  ["an encoded second slash", "/%2Fevil.example"],
  ["a double-encoded second slash", "/%252Fevil.example"],
  ["a slash and backslash", "/\\/evil.example"],
  ["backslashes only", "\\\\evil.example"],
  ["a tab between the slashes", "/\t/evil.example"],
  ["an encoded tab between the slashes", "/%09/evil.example"],
  ["a line feed between the slashes", "/\n/evil.example"],
  ["an encoded carriage return", "/%0D/evil.example"],
  ["a NUL byte", "/feed\u0000"],
  ["an encoded NUL byte", "/feed%00"],
  ["a right-to-left override", "/feed\u202Egpj"],
  ["an absolute http URL", "http://evil.example/"],
  ["an absolute https URL", "https://evil.example"],
  ["a scheme-relative URL with userinfo", "//relais@evil.example"],
  ["a javascript: URL", "javascript:alert(1)"],
  ["a data: URL", "data:text/html,<script>alert(1)</script>"],
  ["a relative path", "evil.example"],
  ["a leading space", " /feed"],
  ["an empty string", ""],
  ["a broken escape", "/feed%E0%A4%A"],
  ["a path too long", `/${"a".repeat(2001)}`],
  ["a number", 42],
  ["an object", { toString: () => "/feed" }],
  ["undefined", undefined],
  ["an escape repeated beyond reason", "/%2525252525252F"],
];

const accepted: [string, string, string][] = [
  ["the root", "/", "/"],
  ["a workspace", "/acme", "/acme"],
  ["a path with a query and hash", "/acme/feed?page=2#post", "/acme/feed?page=2#post"],
  ["the join completion", "/join/complete?claim=clm_123", "/join/complete?claim=clm_123"],
  ["an encoded space", "/acme/search?q=a%20b", "/acme/search?q=a%20b"],
  ["a dot segment that stays inside", "/acme/../feed", "/feed"],
  ["accents", "/réseau", "/r%C3%A9seau"],
];

describe("safeInAppPath", () => {
  it.each(refused)("refuses %s", (_name, input) => {
    expect(safeInAppPath(input)).toBe("/");
    expect(safeInAppPath(input, "/fallback")).toBe("/fallback");
  });

  it.each(accepted)("keeps %s", (_name, input, expected) => {
    expect(safeInAppPath(input)).toBe(expected);
  });

  it("reads as undefined in a schema when unsafe", () => {
    expect(inAppPath.parse("/\\evil.example")).toBeUndefined();
    expect(inAppPath.parse("/acme")).toBe("/acme");
    expect(inAppPath.parse(undefined)).toBeUndefined();
  });
});
