// The embedded PostgreSQL's own log, filtered for the developer's terminal.
/**
 * What of PostgreSQL's own log a developer should see: errors, with the DETAIL / HINT / STATEMENT
 * lines that explain them. Routine LOG lines are not shown, nor what a normal stop prints (each
 * client told "terminating connection due to administrator command"): stopping is ours to ask.
 */
export function postgresLinesWorthShowing(chunk: string): string[] {
  const shown: string[] = [];
  let showing = false;
  for (const line of chunk.split(/\r?\n/)) {
    const level = /\b(LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT):\s/.exec(line)?.[1];
    if (!level) {
      if (showing && line.trim()) shown.push(line); // a message continued on the next line
      continue;
    }
    if (["DETAIL", "HINT", "STATEMENT", "CONTEXT"].includes(level)) {
      if (showing) shown.push(line);
      continue;
    }
    showing = ["ERROR", "FATAL", "PANIC"].includes(level) && !/terminating connection due to administrator command/.test(line);
    if (showing) shown.push(line);
  }
  return shown;
}
