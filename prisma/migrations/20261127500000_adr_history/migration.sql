-- AlterTable
ALTER TABLE "Adr" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AdrRevision" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "adrId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdrRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdrAcknowledgement" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "adrId" TEXT NOT NULL,
    "clientUserId" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdrAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdrRevision_organisationId_adrId_idx" ON "AdrRevision"("organisationId", "adrId");

-- CreateIndex
CREATE UNIQUE INDEX "AdrRevision_adrId_revision_key" ON "AdrRevision"("adrId", "revision");

-- CreateIndex
CREATE INDEX "AdrAcknowledgement_organisationId_adrId_idx" ON "AdrAcknowledgement"("organisationId", "adrId");

-- CreateIndex
CREATE UNIQUE INDEX "AdrAcknowledgement_adrId_clientUserId_contentSha256_key" ON "AdrAcknowledgement"("adrId", "clientUserId", "contentSha256");

-- AddForeignKey
ALTER TABLE "AdrRevision" ADD CONSTRAINT "AdrRevision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdrRevision" ADD CONSTRAINT "AdrRevision_adrId_fkey" FOREIGN KEY ("adrId") REFERENCES "Adr"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdrRevision" ADD CONSTRAINT "AdrRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdrAcknowledgement" ADD CONSTRAINT "AdrAcknowledgement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdrAcknowledgement" ADD CONSTRAINT "AdrAcknowledgement_adrId_fkey" FOREIGN KEY ("adrId") REFERENCES "Adr"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdrAcknowledgement" ADD CONSTRAINT "AdrAcknowledgement_clientUserId_fkey" FOREIGN KEY ("clientUserId") REFERENCES "ClientUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

