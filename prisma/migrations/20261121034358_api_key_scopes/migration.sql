-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "scopes" TEXT[];

-- Keys made before scopes existed keep doing what they did: every scope there is today.
UPDATE "ApiKey" SET "scopes" = ARRAY['links:read', 'links:write', 'creators:read', 'creators:write', 'campaigns:read', 'campaigns:write', 'analytics:read', 'conversions:read', 'conversions:write'];
