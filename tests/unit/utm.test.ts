import { describe, expect, it } from "vitest";
import { linkRedirectUrl, parseDestination, withUtm } from "@/lib/tracked-links/utm";

const utm = { network: "linkedin", campaignSlug: "au-dela", postId: "post_123" } as const;

function params(url: string) {
  return [...new URL(url).searchParams.entries()];
}

describe("UTM merging", () => {
  it("adds source, medium, campaign and content to a destination without a query", () => {
    expect(withUtm("https://example.org/article", utm)).toBe(
      "https://example.org/article?utm_source=linkedin&utm_medium=advocacy&utm_campaign=au-dela&utm_content=post_123",
    );
  });

  it("keeps the destination's own parameters, in order and encoded as written", () => {
    const url = withUtm("https://example.org/search?q=travail%20d%C3%A9cent&page=2&flag", utm)!;
    expect(url.startsWith("https://example.org/search?q=travail%20d%C3%A9cent&page=2&flag&utm_source=linkedin")).toBe(true);
  });

  it("replaces an existing utm parameter instead of duplicating it", () => {
    const url = withUtm("https://example.org/?utm_source=newsletter&id=7&utm_medium=email&utm_term=keep", utm)!;
    const entries = params(url);
    expect(entries.filter(([k]) => k === "utm_source")).toEqual([["utm_source", "linkedin"]]);
    expect(entries.filter(([k]) => k === "utm_medium")).toEqual([["utm_medium", "advocacy"]]);
    expect(entries).toContainEqual(["id", "7"]);
    expect(entries).toContainEqual(["utm_term", "keep"]);
  });

  it("recognises an encoded utm name as the same parameter", () => {
    const url = withUtm("https://example.org/?utm%5Fsource=old", utm)!;
    expect(params(url).filter(([k]) => k === "utm_source")).toEqual([["utm_source", "linkedin"]]);
  });

  it("keeps the fragment after the query", () => {
    expect(withUtm("https://example.org/page?a=1#section-2", utm)).toBe(
      "https://example.org/page?a=1&utm_source=linkedin&utm_medium=advocacy&utm_campaign=au-dela&utm_content=post_123#section-2",
    );
  });

  it("leaves utm_campaign alone when the post has no campaign", () => {
    const url = withUtm("https://example.org/?utm_campaign=theirs", { ...utm, campaignSlug: null })!;
    expect(params(url)).toContainEqual(["utm_campaign", "theirs"]);
    expect(params(url).filter(([k]) => k === "utm_campaign")).toHaveLength(1);
  });

  it("encodes a campaign slug with reserved characters", () => {
    const url = withUtm("https://example.org/", { ...utm, campaignSlug: "a&b=c" })!;
    expect(params(url)).toContainEqual(["utm_campaign", "a&b=c"]);
  });

  it("refuses destinations that are not http(s)", () => {
    expect(withUtm("javascript:alert(1)", utm)).toBeNull();
    expect(withUtm("data:text/html,hi", utm)).toBeNull();
    expect(withUtm("/relative/path", utm)).toBeNull();
    expect(withUtm("ftp://example.org/file", utm)).toBeNull();
    expect(parseDestination("http://example.org")?.hostname).toBe("example.org");
  });

  it("sends a post without a valid external link to its public page", () => {
    expect(linkRedirectUrl({ ...utm, linkUrl: null }, "https://relais.example/")).toBe("https://relais.example/p/post_123");
    expect(linkRedirectUrl({ ...utm, linkUrl: "javascript:alert(1)" }, "https://relais.example")).toBe("https://relais.example/p/post_123");
    expect(linkRedirectUrl({ ...utm, linkUrl: "https://example.org/a" }, "https://relais.example")).toContain("https://example.org/a?utm_source=linkedin");
  });
});
