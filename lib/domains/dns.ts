// DNS, behind one small interface: verification asks only for TXT, CNAME and A records. The
// system resolver asks the network; tests and offline demos answer from a JSON file
// (DNS_RECORDS_FILE) or from memory — the same checks run either way.
import { readFile } from "node:fs/promises";
import { promises as dns } from "node:dns";
import { getEnv } from "@/lib/env";

export type RecordType = "TXT" | "CNAME" | "A";

export interface DnsResolver {
  /** The records of one type at a name; [] when there are none (or the name does not exist). */
  lookup(name: string, type: RecordType): Promise<string[]>;
}

/** Answers that mean "no such record", as opposed to a failure worth reporting. */
const ABSENT = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

export const systemResolver: DnsResolver = {
  async lookup(name, type) {
    try {
      if (type === "TXT") return (await dns.resolveTxt(name)).map((chunks) => chunks.join(""));
      if (type === "CNAME") return await dns.resolveCname(name);
      return await dns.resolve4(name);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && ABSENT.has(code)) return [];
      throw error;
    }
  },
};

/** Zone data: { "go.brand.com": { "CNAME": ["cname.clickproof.app"] }, "_clickproof.go.brand.com": { "TXT": ["…"] } }. */
export type Zone = Record<string, Partial<Record<RecordType, string[]>>>;

export function staticResolver(zone: Zone): DnsResolver {
  return {
    async lookup(name, type) {
      return zone[name.toLowerCase().replace(/\.$/, "")]?.[type] ?? [];
    },
  };
}

/** Reads the file on every lookup, so a test can change the records while the app runs. */
export function fileResolver(path: string): DnsResolver {
  return {
    async lookup(name, type) {
      let zone: Zone;
      try {
        zone = JSON.parse(await readFile(path, "utf8")) as Zone;
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return [];
        throw new Error(`DNS_RECORDS_FILE ${path} is not readable JSON: ${String(error)}`);
      }
      return staticResolver(zone).lookup(name, type);
    },
  };
}

export function getResolver(): DnsResolver {
  const file = getEnv().DNS_RECORDS_FILE;
  return file ? fileResolver(file) : systemResolver;
}
