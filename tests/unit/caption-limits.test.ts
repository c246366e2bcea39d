import { describe, expect, it } from "vitest";
import { CAPTION_LIMITS, captionLength, countGraphemes, measureCaption } from "@/lib/posts/caption-limits";

const LONG_URL = "https://www.example.org/nouvelles/2026/11/au-dela-du-travail-decent?utm_source=relais&utm_medium=social";

describe("caption limits", () => {
  it("counts every URL as 23 characters on X, however long it is", () => {
    expect(captionLength("x", `Lisez ceci ${LONG_URL}`)).toBe("Lisez ceci ".length + 23);
    expect(captionLength("x", "Voir https://a.co")).toBe("Voir ".length + 23);
  });

  it("weighs CJK characters and emoji double on X", () => {
    expect(captionLength("x", "日本")).toBe(4);
    expect(captionLength("x", "👍")).toBe(2);
  });

  it("refuses 281 weighted characters on X and accepts 280", () => {
    expect(measureCaption("x", "a".repeat(280)).over).toBe(false);
    expect(measureCaption("x", "a".repeat(281)).over).toBe(true);
  });

  it("accepts an X caption whose raw text is long only because of a URL", () => {
    const text = `${"a".repeat(250)} ${LONG_URL}`;
    expect(text.length).toBeGreaterThan(280);
    expect(measureCaption("x", text)).toMatchObject({ length: 274, over: false });
  });

  it("counts graphemes on Bluesky: a family emoji made of several code points is one", () => {
    const family = "👩‍👩‍👧‍👦";
    expect(family.length).toBe(11);
    expect(captionLength("bluesky", family)).toBe(1);
    expect(captionLength("bluesky", "Éé🇨🇦")).toBe(3);
  });

  it("allows 300 graphemes on Bluesky even when they are 600 code units", () => {
    const text = "🎉".repeat(300);
    expect(text.length).toBe(600);
    expect(measureCaption("bluesky", text).over).toBe(false);
    expect(measureCaption("bluesky", `${text}!`).over).toBe(true);
  });

  it("counts URLs as 23 on Mastodon and the rest as graphemes", () => {
    expect(captionLength("mastodon", `Ça compte 👩‍👩‍👧 ${LONG_URL} !`)).toBe(countGraphemes("Ça compte 👩‍👩‍👧 ") + 23 + 2);
  });

  it("uses each network's own limit", () => {
    expect(CAPTION_LIMITS).toMatchObject({
      linkedin: { limit: 3000 },
      x: { limit: 280 },
      facebook: { limit: 63206 },
      bluesky: { limit: 300 },
      mastodon: { limit: 500 },
      threads: { limit: 500 },
    });
    expect(measureCaption("threads", "a".repeat(501)).over).toBe(true);
    expect(measureCaption("linkedin", "a".repeat(3000)).over).toBe(false);
    expect(measureCaption("linkedin", "a".repeat(3001))).toMatchObject({ over: true, remaining: -1 });
  });
});
