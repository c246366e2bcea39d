import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromOutside, isMalformedPath, parseQuery, stripControlCharacters } from "@/lib/input";

const schema = fromOutside(z.object({ name: z.string(), tags: z.array(z.string()).default([]) }));

describe("input from outside", () => {
  it.each([
    ["a NUL byte", "a\u0000b"],
    ["an escape sequence", "\u001b[31mrouge"],
    ["DEL", "a\u007f"],
    ["a C1 control", "a\u0090"],
    ["a right-to-left override", "\u202Egnp.exe"],
    ["half an emoji", "a\uD83D"],
  ])("refuses a field holding %s, naming the field", (_label, value) => {
    const result = schema.safeParse({ name: value });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({ name: ["control_characters"] });
  });

  it("refuses a control character deep inside a list", () => {
    expect(z.flattenError(schema.safeParse({ name: "ok", tags: ["a", "b\u0000"] }).error!).fieldErrors).toEqual({ tags: ["control_characters"] });
  });

  it("keeps tabs, line breaks, right-to-left text and emoji", () => {
    const text = "Bonjour\tà tous\r\nمرحبا بكم \u200F👩‍👩‍👧‍👦";
    expect(schema.parse({ name: text }).name).toBe(text);
  });

  it("turns the line breaks word processors copy into line feeds", () => {
    expect(schema.parse({ name: "un\u000Bdeux\u2028trois" }).name).toBe("un\ndeux\ntrois");
  });

  it("drops control characters from a page's query string and falls back to its default view", () => {
    const query = z.object({ q: z.string().max(10).optional().catch(undefined), page: z.coerce.number().default(1) });
    expect(parseQuery(query, { q: "a\u0000b" })).toEqual({ q: "ab", page: 1 });
    expect(parseQuery(query, { page: "x" })).toEqual({ page: 1 });
    expect(stripControlCharacters("\u202Eabc\u0000")).toBe("abc");
  });

  it("finds paths no route has", () => {
    expect(isMalformedPath("/org/posts/a%00b")).toBe(true);
    expect(isMalformedPath("/org/posts/%E0%A4%A")).toBe(true);
    expect(isMalformedPath("/org/posts/post_01%20abc")).toBe(false);
    expect(isMalformedPath("/org/membres/h%C3%A9l%C3%A8ne")).toBe(false);
  });
});
