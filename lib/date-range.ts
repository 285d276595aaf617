// A range of time, start included and end excluded, and the ranges every reader of clicks shares.

export type DateRange = { start: Date; end: Date };

/** The last `days` whole UTC days, today included: the pages', the API's and the plans' history window. */
export function lastDays(days: number, now: Date = new Date()): DateRange {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = new Date(end.getTime() - days * 86_400_000);
  return { start, end };
}
