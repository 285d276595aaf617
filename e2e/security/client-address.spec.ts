// Without a trusted proxy (the suite's app runs with TRUST_PROXY unset) the visitor's address is
// the socket's (issue 21): an X-Forwarded-For the client makes up moves neither the visitor hash
// nor the country. Three visits "from" three countries are one visitor from nowhere in particular.
import { expect, test } from "@playwright/test";
import { createBenchLink } from "../../scripts/bench/app";
import { BASE_URL, DEMO_API_KEY, DESKTOP_CHROME_UA } from "../support/env";
import { uniqueSuffix } from "../support/helpers";

const api = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${BASE_URL}${path}`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

test("a made-up X-Forwarded-For changes neither the visitor nor the country of a click", async () => {
  const slug = `xff-${uniqueSuffix()}`;
  const link = await createBenchLink(BASE_URL, DEMO_API_KEY, slug);
  // public addresses in Great Britain, the United States and Sweden
  for (const address of ["81.2.69.142", "216.160.83.56", "89.160.20.112"]) {
    const visit = await fetch(`${BASE_URL}/${slug}`, { redirect: "manual", headers: { "user-agent": DESKTOP_CHROME_UA, "x-forwarded-for": address, "x-real-ip": address } });
    expect(visit.status).toBe(302);
  }
  await expect
    .poll(async () => (await api<{ clicks: number; uniqueClicks: number }>(`/api/v1/analytics?linkId=${link.id}`)), { timeout: 15_000 })
    .toMatchObject({ clicks: 3, uniqueClicks: 1 });
  const countries = await api<{ data: { value: string | null; clicks: number }[] }>(`/api/v1/analytics?linkId=${link.id}&groupBy=countries`);
  expect(countries.data.filter((row) => row.value !== null)).toEqual([]);
});
