// Calendar days as "YYYY-MM-DD" keys, computed in UTC so that no local time zone or daylight
// saving change shifts a day. Which instant belongs to which day is dayKey()'s job.

const DAY_MS = 24 * 3600 * 1000;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

export function isDayKey(value: unknown): value is string {
  return typeof value === "string" && DAY_KEY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

const toUtc = (key: string) => Date.parse(`${key}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(key: string, days: number) {
  return fromUtc(toUtc(key) + days * DAY_MS);
}

export function addMonths(key: string, months: number) {
  const d = new Date(toUtc(key));
  return fromUtc(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

export function monthStart(key: string) {
  return `${key.slice(0, 7)}-01`;
}

// 0 = Sunday … 6 = Saturday.
export function weekday(key: string) {
  return new Date(toUtc(key)).getUTCDay();
}

// Canadian calendars start the week on Sunday.
export function startOfWeek(key: string, weekStartsOn = 0) {
  return addDays(key, -((weekday(key) - weekStartsOn + 7) % 7));
}

export function weekDays(key: string, weekStartsOn = 0) {
  const start = startOfWeek(key, weekStartsOn);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

// The weeks (rows of seven days) that cover the month of `key`, with the days of the
// neighbouring months that fill the first and last rows.
export function monthWeeks(key: string, weekStartsOn = 0) {
  const first = monthStart(key);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let day = startOfWeek(first, weekStartsOn); day < next; day = addDays(day, 7)) weeks.push(weekDays(day, weekStartsOn));
  return weeks;
}

export function daysBetween(from: string, to: string) {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
