import { describe, expect, it } from "vitest";
import { letterLinks, sameDistrict, telHref } from "@/lib/alerts/links";
import { afterQuietHours, nextDigestAt } from "@/lib/notifications/quiet-hours";

describe("quiet hours", () => {
  it("holds a message sent at 23:30 in Montréal until 07:00 there", () => {
    const at = new Date("2026-12-02T04:30:00Z"); // 23:30 in Montréal (UTC-5)
    expect(afterQuietHours(at, "America/Toronto", "22:00", "07:00").toISOString()).toBe("2026-12-02T12:00:00.000Z");
  });

  it("lets a message through outside the quiet hours", () => {
    const at = new Date("2026-12-02T15:00:00Z"); // 10:00 in Montréal
    expect(afterQuietHours(at, "America/Toronto", "22:00", "07:00")).toEqual(at);
  });

  it("handles quiet hours that do not cross midnight", () => {
    const at = new Date("2026-12-02T13:30:00Z"); // 14:30 in Paris
    expect(afterQuietHours(at, "Europe/Paris", "13:00", "15:00").toISOString()).toBe("2026-12-02T14:00:00.000Z");
  });
});

describe("digests", () => {
  it("sends the daily digest at 08:00 the next morning in the member's zone", () => {
    expect(nextDigestAt(new Date("2026-12-02T15:00:00Z"), "America/Toronto", "daily").toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });

  it("sends the weekly digest on Monday at 08:00", () => {
    // Wednesday 2 December 2026 → Monday 7 December.
    expect(nextDigestAt(new Date("2026-12-02T15:00:00Z"), "America/Toronto", "weekly").toISOString()).toBe("2026-12-07T13:00:00.000Z");
  });
});

describe("letters and calls", () => {
  it("builds mailto, Gmail and Outlook links carrying the edited letter", () => {
    const links = letterLinks({ to: ["deputee@assnat.example"], subject: "Projet de loi 23", body: "Madame,\nvotez contre." });
    expect(links.mailto).toBe("mailto:deputee%40assnat.example?subject=Projet%20de%20loi%2023&body=Madame%2C%0Avotez%20contre.");
    expect(new URL(links.gmail).searchParams.get("body")).toBe("Madame,\nvotez contre.");
    expect(new URL(links.outlook).searchParams.get("to")).toBe("deputee@assnat.example");
  });

  it("matches districts however people type them", () => {
    expect(sameDistrict("Laurier-Dorion", "laurier – dorion")).toBe(true);
    expect(sameDistrict("Rosemont", "Laurier-Dorion")).toBe(false);
    expect(sameDistrict(null, "Rosemont")).toBe(false);
  });

  it("dials the number with tel:", () => {
    expect(telHref("+1 (418) 555-0142")).toBe("tel:+14185550142");
  });
});
