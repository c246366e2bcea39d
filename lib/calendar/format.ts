// Dates shown in the organisation's time zone and the reader's language.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInZone(date: Date | string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { ...options, timeZone });
    formatters.set(key, fmt);
  }
  return fmt.format(typeof date === "string" ? new Date(date) : date);
}

// A calendar day key ("2026-11-24") as words, without any time zone shifting it.
export function formatDay(key: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: "full" }) {
  return formatInZone(new Date(`${key}T12:00:00Z`), locale, "UTC", options);
}
