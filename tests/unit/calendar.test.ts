import { describe, expect, it } from "vitest";
import { addMonths, monthWeeks, startOfWeek, weekDays } from "@/lib/calendar/grid";
import { dayKey, toZonedInput, zonedToUtc } from "@/lib/calendar/zoned";

describe("calendar grid", () => {
  it("covers November 2026 with five Sunday-first weeks, starting in October", () => {
    const weeks = monthWeeks("2026-11-17");
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe("2026-11-01");
    expect(weeks[4][6]).toBe("2026-12-05");
    expect(monthWeeks("2026-02-10")[0][0]).toBe("2026-02-01");
    expect(monthWeeks("2026-10-10")[0][0]).toBe("2026-09-27");
  });

  it("finds the week of a day across a month and a year boundary", () => {
    expect(startOfWeek("2027-01-01")).toBe("2026-12-27");
    expect(weekDays("2026-11-04")).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07"]);
    expect(addMonths("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("organisation time zone", () => {
  it("reads a typed time in the organisation's zone, across daylight saving", () => {
    expect(zonedToUtc("2026-07-01T09:00", "America/Toronto")!.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedToUtc("2026-11-03T09:00", "America/Toronto")!.toISOString()).toBe("2026-11-03T14:00:00.000Z");
    expect(zonedToUtc("2026-11-03T09:00:30", "Europe/Paris")!.toISOString()).toBe("2026-11-03T08:00:30.000Z");
  });

  it("takes a time with its own offset as it is and refuses nonsense", () => {
    expect(zonedToUtc("2026-11-03T09:00:00Z", "America/Toronto")!.toISOString()).toBe("2026-11-03T09:00:00.000Z");
    expect(zonedToUtc("mardi prochain", "America/Toronto")).toBeNull();
  });

  it("puts an instant on the day and wall-clock time of the zone", () => {
    const lateEvening = new Date("2026-11-04T03:30:00Z");
    expect(dayKey(lateEvening, "America/Toronto")).toBe("2026-11-03");
    expect(dayKey(lateEvening, "UTC")).toBe("2026-11-04");
    expect(toZonedInput(lateEvening, "America/Toronto")).toBe("2026-11-03T22:30");
  });
});
