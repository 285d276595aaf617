-- AlterEnum
ALTER TYPE "DomainStatus" ADD VALUE 'removed';

