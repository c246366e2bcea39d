import twitter from "twitter-text";
import { network as networkEnum, type Network } from "@/db/schema/enums";

// Pure and shared: the editor's live counter and the server's validation count the same way,
// so a caption the counter shows as fitting is never refused, and the reverse.

// Every network of the enum carries a caption except these: an email has a subject and body
// of its own, and the copied link and the phone's share sheet take the post's body.
const UNCAPTIONED = ["email", "copy", "native"] as const satisfies readonly Network[];
export type CaptionNetwork = Exclude<Network, (typeof UNCAPTIONED)[number]>;
export const CAPTION_NETWORKS = networkEnum.enumValues.filter((n): n is CaptionNetwork => !(UNCAPTIONED as readonly Network[]).includes(n));

// How each network counts: X weighs characters and counts every URL as 23 (twitter-text is
// X's own library); Mastodon counts graphemes with every URL as 23; Bluesky counts graphemes.
type Counting = "x" | "graphemes" | "graphemes_urls_23";

export const CAPTION_LIMITS: Record<CaptionNetwork, { limit: number; counting: Counting }> = {
  linkedin: { limit: 3000, counting: "graphemes" },
  x: { limit: 280, counting: "x" },
  facebook: { limit: 63206, counting: "graphemes" },
  bluesky: { limit: 300, counting: "graphemes" },
  mastodon: { limit: 500, counting: "graphemes_urls_23" },
  threads: { limit: 500, counting: "graphemes" },
  whatsapp: { limit: 65536, counting: "graphemes" },
  telegram: { limit: 4096, counting: "graphemes" },
};

export const EMAIL_LIMITS = { subject: 200, body: 20000 } as const;

const URL_WEIGHT = 23;

let segmenter: Intl.Segmenter | undefined;

export function countGraphemes(text: string) {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

function countWithShortUrls(text: string) {
  const urls = twitter.extractUrlsWithIndices(text);
  let count = 0;
  let cursor = 0;
  for (const { indices } of urls) {
    count += countGraphemes(text.slice(cursor, indices[0])) + URL_WEIGHT;
    cursor = indices[1];
  }
  return count + countGraphemes(text.slice(cursor));
}

export function captionLength(network: CaptionNetwork, text: string) {
  switch (CAPTION_LIMITS[network].counting) {
    case "x":
      return twitter.parseTweet(text).weightedLength;
    case "graphemes_urls_23":
      return countWithShortUrls(text);
    case "graphemes":
      return countGraphemes(text);
  }
}

export function measureCaption(network: CaptionNetwork, text: string) {
  const length = captionLength(network, text);
  const { limit } = CAPTION_LIMITS[network];
  return { length, limit, remaining: limit - length, over: length > limit };
}

export function measureText(text: string, limit: number) {
  const length = countGraphemes(text);
  return { length, limit, remaining: limit - length, over: length > limit };
}
