import { TZDate } from "@date-fns/tz";

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

// When a non-urgent message may go to a member whose quiet hours are `start`–`end` (local
// times, possibly across midnight) in `timeZone`: `now` outside them, else the end of them.
export function afterQuietHours(now: Date, timeZone: string | null, start: string | null, end: string | null): Date {
  const s = start ? minutesOf(start) : null;
  const e = end ? minutesOf(end) : null;
  if (s === null || e === null || s === e) return now;
  let local: TZDate;
  try {
    local = new TZDate(now, timeZone || "UTC");
  } catch {
    local = new TZDate(now, "UTC");
  }
  const minute = local.getHours() * 60 + local.getMinutes();
  const quiet = s < e ? minute >= s && minute < e : minute >= s || minute < e;
  if (!quiet) return now;
  const wait = (e - minute + 1440) % 1440;
  const resume = new Date(now.getTime() + wait * 60_000);
  resume.setUTCSeconds(0, 0);
  return resume;
}

// The next digest time after `now`: 08:00 in the member's zone, tomorrow (daily) or next
// Monday (weekly).
export function nextDigestAt(now: Date, timeZone: string | null, frequency: "daily" | "weekly"): Date {
  let local: TZDate;
  try {
    local = new TZDate(now, timeZone || "UTC");
  } catch {
    local = new TZDate(now, "UTC");
  }
  const next = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), 8, 0, 0, local.timeZone ?? "UTC");
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  if (frequency === "weekly") while (next.getDay() !== 1) next.setDate(next.getDate() + 1);
  return new Date(next.getTime());
}
