// Round axis ticks for the charts: 0, 1, 2, 3 … or 0, 0.25, 0.5 … — never 2.3 %, 0.8 %, 0.007 %.

export type NiceScale = { max: number; ticks: number[]; step: number };

/** A step of 1, 2, 2.5 or 5 × 10^k that splits [0, max] into at most `count` intervals. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw - raw * 1e-9) ?? 10 * magnitude;
  return step;
}

/**
 * Ticks from 0 to a round maximum at or above `max` (with some headroom so a point at the maximum
 * is drawn whole). `integer`: counts, whose steps are whole numbers.
 */
export function niceScale(max: number, options: { count?: number; integer?: boolean; headroom?: number } = {}): NiceScale {
  const { count = 4, integer = false, headroom = 0 } = options;
  const top = Math.max(0, max) * (1 + headroom);
  let step = niceStep(top, count);
  if (integer) step = Math.max(1, Math.ceil(step));
  const intervals = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => round(i * step, step));
  return { max: ticks[ticks.length - 1]!, ticks, step };
}

/** Decimals a tick label needs for this step (0.25 → 2, 5 → 0). */
export function stepDecimals(step: number): number {
  if (!(step > 0)) return 0;
  for (let decimals = 0; decimals < 10; decimals++) if (Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) < 1e-6) return decimals;
  return 10;
}

function round(value: number, step: number): number {
  const decimals = stepDecimals(step);
  return Number(value.toFixed(decimals));
}
