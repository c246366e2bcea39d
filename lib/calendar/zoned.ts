import { TZDate } from "@date-fns/tz";

// Times are typed and shown in the organisation's time zone, and stored as instants.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

// "2026-11-24T10:00" typed in Montréal → the instant 15:00 UTC. A string that carries its own
// offset ("…Z", "…-05:00") is taken as it is.
export function zonedToUtc(value: string, timeZone: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) {
    const parsed = new Date(value);
    return /(?:Z|[+-]\d{2}:?\d{2})$/.test(value.trim()) && !Number.isNaN(parsed.getTime()) ? parsed : null;
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
  const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), timeZone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime());
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(date: Date, timeZone: string) {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    partsFormatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
}

// The calendar day ("2026-11-24") an instant falls on in the time zone.
export function dayKey(date: Date, timeZone: string) {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

// The value a <input type="datetime-local"> shows for an instant, in the time zone.
export function toZonedInput(date: Date | null | undefined, timeZone: string) {
  if (!date) return "";
  const p = zonedParts(date, timeZone);
  const seconds = p.second === "00" ? "" : `:${p.second}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}${seconds}`;
}

export function isValidTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
