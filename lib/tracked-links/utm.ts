import type { Network } from "@/db/schema/enums";

export type Utm = { network: Network; campaignSlug: string | null; postId: string };

const UTM_MEDIUM = "advocacy";

// Parses a destination a lead saved; anything but an absolute http(s) URL is refused, so a
// tracked link can never lead to javascript:, data: or a relative path.
export function parseDestination(value: string | null | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

function paramName(pair: string) {
  const raw = pair.split("=", 1)[0].replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

// The destination with our UTM parameters. The destination's own parameters stay exactly as
// the lead wrote them (same order, same encoding); an existing utm_* we set is replaced,
// never duplicated; the fragment is kept. Null when the destination is not http(s).
export function withUtm(destination: string, utm: Utm): string | null {
  const url = parseDestination(destination);
  if (!url) return null;
  const ours: [string, string][] = [
    ["utm_source", utm.network],
    ["utm_medium", UTM_MEDIUM],
    ...(utm.campaignSlug ? [["utm_campaign", utm.campaignSlug] as [string, string]] : []),
    ["utm_content", utm.postId],
  ];
  const replaced = new Set(ours.map(([name]) => name));
  const kept = url.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !replaced.has(paramName(pair)));
  const added = ours.map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  url.search = [...kept, ...added].join("&");
  return url.toString();
}

export type LinkTarget = Utm & { linkUrl: string | null };

// Where /l/<code> sends a visitor: the post's destination with UTM, or the post's own public
// page when it has no (valid) external link.
export function linkRedirectUrl(target: LinkTarget, appUrl: string) {
  return (target.linkUrl && withUtm(target.linkUrl, target)) ?? `${appUrl.replace(/\/+$/, "")}/p/${encodeURIComponent(target.postId)}`;
}
