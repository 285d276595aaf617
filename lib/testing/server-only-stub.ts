// Vitest runs lib/ modules outside Next.js, where "server-only" would throw on import.
export {};
