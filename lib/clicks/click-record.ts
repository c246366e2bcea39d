// The compact click record the redirect pushes to the Redis stream: one line per click,
// fields separated by tabs, many lines per stream entry. No raw IP address ever goes in.
export type ClickRecord = {
  // Minted by the redirect process: the idempotency key of the click end to end.
  id: string;
  code: string;
  at: number;
  visitorHash: string;
  country: string;
  referrerDomain: string;
  userAgent: string;
};

const CONTROL = /[\t\n\r]/g;

export function encodeClick(click: ClickRecord) {
  // The user agent is the only free-form field; tabs and newlines would break the line.
  const ua = click.userAgent.indexOf("\t") === -1 && click.userAgent.indexOf("\n") === -1 && click.userAgent.indexOf("\r") === -1 ? click.userAgent : click.userAgent.replace(CONTROL, " ");
  return `${click.id}\t${click.code}\t${click.at}\t${click.visitorHash}\t${click.country}\t${click.referrerDomain}\t${ua}`;
}

export function decodeClicks(payload: string): ClickRecord[] {
  const clicks: ClickRecord[] = [];
  for (const line of payload.split("\n")) {
    const [id, code, at, visitorHash, country, referrerDomain, ...rest] = line.split("\t");
    const time = Number(at);
    // A malformed line (never written by this code) is skipped rather than blocking the batch.
    if (!id || !code || !visitorHash || !Number.isFinite(time)) continue;
    clicks.push({ id, code, at: time, visitorHash, country, referrerDomain, userAgent: rest.join(" ") });
  }
  return clicks;
}
