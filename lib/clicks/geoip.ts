import fs from "node:fs";
import { Reader, type CountryResponse } from "maxmind";
import type { CountryLookup } from "./click-recorder";

// ip-location-db's files put the code at the top level instead.
type CountryRecord = CountryResponse & { country_code?: string };

// An offline GeoIP database (MaxMind GeoLite2-Country/City, or a compatible .mmdb such as
// ip-location-db's) read once at start; lookups never leave the process.
export function openCountryLookup(path: string): CountryLookup {
  const reader = new Reader<CountryResponse>(fs.readFileSync(path));
  return (ip) => {
    const address = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
    try {
      const record = reader.get(address) as CountryRecord | null;
      const code = record?.country?.iso_code ?? record?.country_code ?? record?.registered_country?.iso_code;
      return code && /^[A-Z]{2}$/.test(code) ? code : null;
    } catch {
      return null;
    }
  };
}
