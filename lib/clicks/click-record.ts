import { REQUEST_FILTERS, type RequestFilter } from "./bot-filter";

// The compact click record the redirect pushes to the Redis stream: one line per click,
// fields separated by tabs, many lines per stream entry. No raw IP address ever goes in.
export type ClickRecord = {
  // Minted by the redirect process: the idempotency key of the click end to end.
  id: string;
  code: string;
  at: number;
  // HMAC of the visitor's address under the day's salt.
  visitorHash: string;
  country: string;
  referrerDomain: string;
  // Why the redirect already knows this is not a person's click; "" when it may be one.
  filter: RequestFilter | "";
  // The signed-in Relais user who clicked (their session cookie came along); "" otherwise.
  // Only compared with the link's owner by the ingester, never stored with the click.
  viewer: string;
  userAgent: string;
};

const CONTROL = /[\t\n\r]/g;
const FILTERS = new Set<string>(REQUEST_FILTERS);

export function encodeClick(click: ClickRecord) {
  // The user agent is the only free-form field; tabs and newlines would break the line.
  const ua = click.userAgent.indexOf("\t") === -1 && click.userAgent.indexOf("\n") === -1 && click.userAgent.indexOf("\r") === -1 ? click.userAgent : click.userAgent.replace(CONTROL, " ");
  return `${click.id}\t${click.code}\t${click.at}\t${click.visitorHash}\t${click.country}\t${click.referrerDomain}\t${click.filter}\t${click.viewer}\t${ua}`;
}

export function decodeClicks(payload: string): ClickRecord[] {
  const clicks: ClickRecord[] = [];
  for (const line of payload.split("\n")) {
    const [id, code, at, visitorHash, country, referrerDomain, filter, viewer, ...rest] = line.split("\t");
    const time = Number(at);
    // A malformed line (never written by this code) is skipped rather than blocking the batch.
    if (!id || !code || !visitorHash || !Number.isFinite(time) || viewer === undefined || (filter !== "" && !FILTERS.has(filter))) continue;
    clicks.push({ id, code, at: time, visitorHash, country, referrerDomain, filter: filter as ClickRecord["filter"], viewer, userAgent: rest.join(" ") });
  }
  return clicks;
}
