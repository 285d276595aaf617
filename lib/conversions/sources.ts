// Where a conversion was reported from. "api": the brand's server, with a secret API key.
// "script": a visitor's browser through /cp.js, with a publishable key anyone can copy from the
// brand's pages — so it is counted and shown apart ("browser-reported"), for the brand to weigh.
export type ConversionSource = "api" | "script";

/** The source a brand cannot verify. */
export const BROWSER_SOURCE: ConversionSource = "script";

export const isBrowserReported = (source: string): boolean => source === BROWSER_SOURCE;
