-- CreateIndex
CREATE INDEX "Creator_email_idx" ON "Creator"("email");

