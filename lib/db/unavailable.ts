// Whether an error means the database cannot be reached or is not taking work now (as opposed to
// an error about the statement or its data). Prisma-free: the redirect path uses it.
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    // connection exceptions, insufficient resources, operator intervention (shutdown, recovery), system errors
    if (/^(08|53|57P|58)/.test(code)) return true;
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"].includes(code)) return true;
  }
  return typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection is closed|Client has encountered a connection error/i.test(message);
}
