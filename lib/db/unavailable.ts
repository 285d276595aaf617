// Whether an error means the database cannot be reached or is not taking work now (as opposed to
// an error about the statement or its data). Prisma-free: the redirect path uses it.
/** Can't reach the server, timed out, connection closed, pool timeout, too many connections. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

export function isUnavailable(error: unknown, depth = 0): boolean {
  const { code, message, name, cause } = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
  // Prisma: the client could not start, or its driver adapter lost the server or waited too long for a connection
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && PRISMA_UNAVAILABLE.has(code)) return true;
  if (cause !== undefined && depth < 3 && isUnavailable(cause, depth + 1)) return true;
  if (typeof code === "string") {
    // connection exceptions, insufficient resources, operator intervention (shutdown, recovery), system errors
    if (/^(08|53|57P|58)/.test(code)) return true;
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"].includes(code)) return true;
  }
  return typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection is closed|Client has encountered a connection error/i.test(message);
}
