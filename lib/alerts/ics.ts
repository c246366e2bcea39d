import ical, { ICalCalendarMethod } from "ical-generator";

// The event of an "attend" call to action as an .ics file (RFC 5545) for any calendar app.
export function eventIcs(event: { uid: string; title: string; description: string; place: string; startsAt: Date; endsAt: Date; url: string; orgName: string }) {
  const calendar = ical({ name: event.orgName, prodId: { company: "Relais", product: "alerts" }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({ id: event.uid, start: event.startsAt, end: event.endsAt, summary: event.title, description: event.description, location: event.place, url: event.url });
  return calendar.toString();
}

// Google Calendar's "add to calendar" page for the same event.
export function googleCalendarUrl(event: { title: string; description: string; place: string; startsAt: Date; endsAt: Date }) {
  const fmt = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const q = new URLSearchParams({ action: "TEMPLATE", text: event.title, details: event.description, location: event.place, dates: `${fmt(event.startsAt)}/${fmt(event.endsAt)}` });
  return `https://calendar.google.com/calendar/render?${q}`;
}
