import { describe, expect, it } from "vitest";
import { buildShareIntent, captionFor, type ShareVariant } from "@/lib/shares/intents";
import { mastodonInstanceSchema } from "@/lib/shares/schemas";

const LINK = "https://relais.example/l/aB3dE6gH9k";
const variant: ShareVariant = {
  title: "J'aime mon métier",
  body: "Le texte de la publication.",
  captions: { linkedin: "Fière de mon équipe & de notre mission #AuDelà", x: "Court et clair #AuDelà", facebook: "Sur Facebook" },
  emailSubject: "Un témoignage à lire",
  emailBody: "Bonjour,\nJe vous invite à lire ceci.",
};

function openUrl(intent: ReturnType<typeof buildShareIntent>) {
  if (intent.kind !== "open") throw new Error(`expected an open intent, got ${intent.kind}`);
  return new URL(intent.url);
}

describe("share intents", () => {
  it("LinkedIn: the share box pre-filled with the caption and the tracked link", () => {
    const url = openUrl(buildShareIntent("linkedin", variant, LINK));
    expect(url.origin + url.pathname).toBe("https://www.linkedin.com/feed/");
    expect(url.searchParams.get("shareActive")).toBe("true");
    expect(url.searchParams.get("text")).toBe(`Fière de mon équipe & de notre mission #AuDelà\n\n${LINK}`);
  });

  it("X: caption and link as separate parameters", () => {
    const url = openUrl(buildShareIntent("x", variant, LINK));
    expect(url.origin + url.pathname).toBe("https://x.com/intent/post");
    expect(url.searchParams.get("text")).toBe("Court et clair #AuDelà");
    expect(url.searchParams.get("url")).toBe(LINK);
  });

  it("Facebook: the link in the dialog and the caption on the clipboard", () => {
    const intent = buildShareIntent("facebook", variant, LINK);
    expect(intent).toMatchObject({ kind: "open", clipboard: "Sur Facebook" });
    expect(openUrl(intent).searchParams.get("u")).toBe(LINK);
  });

  it("Bluesky, Threads and WhatsApp: one text holding the caption and the link", () => {
    for (const [network, origin] of [
      ["bluesky", "https://bsky.app"],
      ["threads", "https://www.threads.net"],
      ["whatsapp", "https://wa.me"],
    ] as const) {
      const url = openUrl(buildShareIntent(network, variant, LINK));
      expect(url.origin).toBe(origin);
      expect(url.searchParams.get("text")).toBe(`${variant.body}\n\n${LINK}`);
    }
  });

  it("Mastodon: the member's own server's share page", () => {
    const url = openUrl(buildShareIntent("mastodon", variant, LINK, "mstdn.ca"));
    expect(url.origin + url.pathname).toBe("https://mstdn.ca/share");
    expect(url.searchParams.get("text")).toContain(LINK);
  });

  it("Mastodon without a known server is a programming error", () => {
    expect(() => buildShareIntent("mastodon", variant, LINK)).toThrow();
  });

  it("Telegram: link and caption", () => {
    const url = openUrl(buildShareIntent("telegram", variant, LINK));
    expect(url.origin + url.pathname).toBe("https://t.me/share/url");
    expect(url.searchParams.get("url")).toBe(LINK);
    expect(url.searchParams.get("text")).toBe(variant.body);
  });

  it("email: a mailto with the prepared subject and body, spaces encoded as %20", () => {
    const intent = buildShareIntent("email", variant, LINK);
    if (intent.kind !== "open") throw new Error("expected open");
    expect(intent.url.startsWith("mailto:?subject=Un%20t%C3%A9moignage%20%C3%A0%20lire&body=")).toBe(true);
    const body = decodeURIComponent(intent.url.split("&body=")[1]);
    expect(body).toBe(`Bonjour,\nJe vous invite à lire ceci.\n\n${LINK}`);
    expect(intent.url).not.toContain("+");
  });

  it("copy: the caption and the link as one text", () => {
    expect(buildShareIntent("copy", variant, LINK)).toEqual({ kind: "copy", text: `${variant.body}\n\n${LINK}` });
  });

  it("native share sheet: title, caption and link apart", () => {
    expect(buildShareIntent("native", variant, LINK)).toEqual({ kind: "native", title: variant.title, text: variant.body, url: LINK });
  });

  it("falls back to the post's text, then its title, when a network has no caption", () => {
    expect(captionFor("bluesky", variant)).toBe(variant.body);
    expect(captionFor("bluesky", { ...variant, body: "  " })).toBe(variant.title);
    expect(captionFor("linkedin", { ...variant, captions: { linkedin: "  " } })).toBe(variant.body);
  });
});

describe("Mastodon server names", () => {
  it.each([
    ["mastodon.social", "mastodon.social"],
    ["https://Mastodon.Social/", "mastodon.social"],
    ["@ana@mstdn.ca", "mstdn.ca"],
    ["  fosstodon.org/about ", "fosstodon.org"],
  ])("reads %s as %s", (input, expected) => {
    expect(mastodonInstanceSchema.parse(input)).toBe(expected);
  });

  it.each(["localhost", "not a server", "javascript:alert(1)", "exa mple.org", ""])("refuses %j", (input) => {
    expect(mastodonInstanceSchema.safeParse(input).success).toBe(false);
  });
});
