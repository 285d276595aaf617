-- An invitation's e-mailed link carries a proof that the copied link does not: accepting with it
-- proves the invited address. Invitations made before keep no proof (their acceptor confirms the
-- address by a new e-mail, or is already verified).
ALTER TABLE "Invitation" ADD COLUMN "proofHash" TEXT,
ADD COLUMN "proofSentAt" TIMESTAMP(3),
ADD COLUMN "proofSends" INTEGER NOT NULL DEFAULT 0;
