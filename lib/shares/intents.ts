import type { Captions } from "@/db/schema";
import { network as networkEnum } from "@/db/schema/enums";

// Buttons in the order members see them; "native" (the phone's share sheet) shows only
// where the browser has one.
export const SHARE_NETWORKS = networkEnum.enumValues;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export type ShareVariant = { title: string; body: string; captions: Captions; emailSubject: string | null; emailBody: string | null };

export type ShareIntent =
  // Open the network's own share dialog. `clipboard`: the caption, for networks whose dialog
  // cannot be pre-filled with text (Facebook), so the member can paste it.
  | { kind: "open"; url: string; clipboard?: string }
  | { kind: "copy"; text: string }
  | { kind: "native"; title: string; text: string; url: string };

const enc = encodeURIComponent;

// The caption prepared for a network, else the post's text, else its title.
export function captionFor(network: ShareNetwork, variant: ShareVariant) {
  const own = network in variant.captions ? variant.captions[network as keyof Captions] : undefined;
  return (own ?? "").trim() || variant.body.trim() || variant.title.trim();
}

const withLink = (caption: string, link: string) => (caption ? `${caption}\n\n${link}` : link);

// Each network's documented share URL with the caption and the tracked link filled in.
export function buildShareIntent(network: ShareNetwork, variant: ShareVariant, link: string, mastodonInstance?: string | null): ShareIntent {
  const caption = captionFor(network, variant);
  switch (network) {
    case "linkedin":
      return { kind: "open", url: `https://www.linkedin.com/feed/?shareActive=true&text=${enc(withLink(caption, link))}` };
    case "x":
      return { kind: "open", url: `https://x.com/intent/post?text=${enc(caption)}&url=${enc(link)}` };
    case "facebook":
      return { kind: "open", url: `https://www.facebook.com/sharer/sharer.php?u=${enc(link)}`, clipboard: caption };
    case "bluesky":
      return { kind: "open", url: `https://bsky.app/intent/compose?text=${enc(withLink(caption, link))}` };
    case "mastodon":
      if (!mastodonInstance) throw new Error("A Mastodon share needs the member's instance");
      return { kind: "open", url: `https://${mastodonInstance}/share?text=${enc(withLink(caption, link))}` };
    case "threads":
      return { kind: "open", url: `https://www.threads.net/intent/post?text=${enc(withLink(caption, link))}` };
    case "whatsapp":
      return { kind: "open", url: `https://wa.me/?text=${enc(withLink(caption, link))}` };
    case "telegram":
      return { kind: "open", url: `https://t.me/share/url?url=${enc(link)}&text=${enc(caption)}` };
    case "email": {
      const subject = variant.emailSubject?.trim() || variant.title;
      const body = variant.emailBody?.trim() || caption;
      return { kind: "open", url: `mailto:?subject=${enc(subject)}&body=${enc(withLink(body, link))}` };
    }
    case "copy":
      return { kind: "copy", text: withLink(caption, link) };
    case "native":
      return { kind: "native", title: variant.title, text: caption, url: link };
  }
}
