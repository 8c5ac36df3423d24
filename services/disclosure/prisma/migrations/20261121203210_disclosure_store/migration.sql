-- CreateEnum
CREATE TYPE "DisclosureKind" AS ENUM ('decision', 'catalogueEntry', 'randomInspectionResults', 'creditBlacklist', 'annualStatistics');

-- CreateEnum
CREATE TYPE "DisclosureStatus" AS ENUM ('draft', 'approved', 'published', 'withdrawn', 'expired', 'exempt');

-- CreateEnum
CREATE TYPE "ReviewStage" AS ENUM ('editing', 'awaitingCheck', 'awaitingApproval');

-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('submit', 'checkPass', 'checkReturn', 'approve', 'approvalReturn');

-- CreateEnum
CREATE TYPE "VersionPurpose" AS ENUM ('initial', 'revision', 'correction');

-- CreateEnum
CREATE TYPE "CorrectionRequestStatus" AS ENUM ('open', 'answered');

-- CreateEnum
CREATE TYPE "CorrectionOutcome" AS ENUM ('corrected', 'partlyCorrected', 'rejected');

-- CreateEnum
CREATE TYPE "CatalogueChangeKind" AS ENUM ('lawChange', 'functionChange');

-- CreateEnum
CREATE TYPE "CatalogueChangeStatus" AS ENUM ('open', 'completed');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" UUID NOT NULL,
    "kind" "DisclosureKind" NOT NULL,
    "status" "DisclosureStatus" NOT NULL DEFAULT 'draft',
    "reviewStage" "ReviewStage" DEFAULT 'editing',
    "workingVersion" INTEGER NOT NULL DEFAULT 1,
    "approvedVersion" INTEGER,
    "publishedVersion" INTEGER,
    "title" TEXT NOT NULL,
    "caseNumber" TEXT,
    "cycle" INTEGER,
    "workflowId" TEXT,
    "partyKind" TEXT,
    "decisionKind" TEXT,
    "documentNumber" TEXT,
    "decisionDate" DATE,
    "randomInspection" BOOLEAN NOT NULL DEFAULT false,
    "dueAt" TIMESTAMPTZ(3),
    "catalogueSection" TEXT,
    "period" TEXT,
    "exemptionReason" TEXT,
    "exemptionExplanation" TEXT,
    "exemptedBy" TEXT,
    "exemptedAt" TIMESTAMPTZ(3),
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "expiredAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnBy" TEXT,
    "withdrawalReason" TEXT,
    "withdrawalExplanation" TEXT,
    "blacklistedAt" TIMESTAMPTZ(3),
    "blacklistBasis" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisclosureVersion" (
    "id" BIGSERIAL NOT NULL,
    "disclosureId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "purpose" "VersionPurpose" NOT NULL,
    "note" TEXT,
    "source" JSONB NOT NULL,
    "redactionRules" JSONB NOT NULL,
    "publicContent" JSONB NOT NULL,
    "redactionReport" JSONB NOT NULL,
    "correctionRequestId" UUID,
    "createdBy" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisclosureVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewStep" (
    "id" BIGSERIAL NOT NULL,
    "disclosureId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "ReviewAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicDecision" (
    "disclosureId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER,
    "documentNumber" TEXT NOT NULL,
    "decisionKind" TEXT NOT NULL,
    "issuingAuthority" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "correctedAt" TIMESTAMPTZ(3),
    "partyKind" TEXT,
    "partyName" TEXT,
    "enforcementMethod" TEXT,
    "content" TEXT,
    "decision" TEXT,
    "penaltyKind" TEXT,
    "legalBasis" TEXT,
    "performance" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawalReason" TEXT,
    "withdrawalExplanation" TEXT,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "PublicDecision_pkey" PRIMARY KEY ("disclosureId")
);

-- CreateTable
CREATE TABLE "PublicItem" (
    "disclosureId" UUID NOT NULL,
    "kind" "DisclosureKind" NOT NULL,
    "catalogueSection" TEXT,
    "period" TEXT,
    "title" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "correctedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PublicItem_pkey" PRIMARY KEY ("disclosureId")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignalOutbox" (
    "id" BIGSERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "signal" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttempt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignalOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" UUID NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "disclosureId" UUID NOT NULL,
    "requesterName" TEXT NOT NULL,
    "requesterKind" TEXT NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "description" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "status" "CorrectionRequestStatus" NOT NULL DEFAULT 'open',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE NOT NULL,
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "outcome" "CorrectionOutcome",
    "answer" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "correctionVersion" INTEGER,

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueChange" (
    "id" UUID NOT NULL,
    "kind" "CatalogueChangeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "registeredBy" TEXT NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workflowId" TEXT NOT NULL,
    "status" "CatalogueChangeStatus" NOT NULL DEFAULT 'open',
    "completedAt" TIMESTAMPTZ(3),
    "dueDate" DATE,
    "dueAt" TIMESTAMPTZ(3),
    "provisional" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CatalogueChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueChangeEntry" (
    "changeId" UUID NOT NULL,
    "disclosureId" UUID NOT NULL,
    "updatedVersion" INTEGER,
    "updatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CatalogueChangeEntry_pkey" PRIMARY KEY ("changeId","disclosureId")
);

-- CreateTable
CREATE TABLE "CatalogueEscalation" (
    "id" BIGSERIAL NOT NULL,
    "changeId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "roles" TEXT[],
    "reason" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CatalogueEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_subject_at_idx" ON "AuditEvent"("subject", "at");

-- CreateIndex
CREATE INDEX "Disclosure_kind_status_reviewStage_idx" ON "Disclosure"("kind", "status", "reviewStage");

-- CreateIndex
CREATE INDEX "Disclosure_status_publishedAt_idx" ON "Disclosure"("status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_caseNumber_cycle_key" ON "Disclosure"("caseNumber", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_kind_period_key" ON "Disclosure"("kind", "period");

-- CreateIndex
CREATE UNIQUE INDEX "DisclosureVersion_disclosureId_version_key" ON "DisclosureVersion"("disclosureId", "version");

-- CreateIndex
CREATE INDEX "ReviewStep_disclosureId_at_idx" ON "ReviewStep"("disclosureId", "at");

-- CreateIndex
CREATE INDEX "PublicDecision_decisionDate_disclosureId_idx" ON "PublicDecision"("decisionDate" DESC, "disclosureId" DESC);

-- CreateIndex
CREATE INDEX "PublicDecision_decisionKind_decisionDate_idx" ON "PublicDecision"("decisionKind", "decisionDate" DESC);

-- CreateIndex
CREATE INDEX "PublicDecision_issuingAuthority_decisionDate_idx" ON "PublicDecision"("issuingAuthority", "decisionDate" DESC);

-- CreateIndex
CREATE INDEX "PublicItem_kind_catalogueSection_title_idx" ON "PublicItem"("kind", "catalogueSection", "title");

-- CreateIndex
CREATE INDEX "SignalOutbox_deliveredAt_nextAttempt_idx" ON "SignalOutbox"("deliveredAt", "nextAttempt");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectionRequest_trackingNumber_key" ON "CorrectionRequest"("trackingNumber");

-- CreateIndex
CREATE INDEX "CorrectionRequest_status_dueDate_idx" ON "CorrectionRequest"("status", "dueDate");

-- CreateIndex
CREATE INDEX "CorrectionRequest_disclosureId_idx" ON "CorrectionRequest"("disclosureId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueChange_workflowId_key" ON "CatalogueChange"("workflowId");

-- CreateIndex
CREATE INDEX "CatalogueChangeEntry_disclosureId_idx" ON "CatalogueChangeEntry"("disclosureId");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueEscalation_changeId_level_at_key" ON "CatalogueEscalation"("changeId", "level", "at");

-- AddForeignKey
ALTER TABLE "DisclosureVersion" ADD CONSTRAINT "DisclosureVersion_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewStep" ADD CONSTRAINT "ReviewStep_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueChangeEntry" ADD CONSTRAINT "CatalogueChangeEntry_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CatalogueChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueChangeEntry" ADD CONSTRAINT "CatalogueChangeEntry_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueEscalation" ADD CONSTRAINT "CatalogueEscalation_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CatalogueChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Raw SQL Prisma cannot express (checked: `npm run -s db -- drift disclosure` reports no drift).
--
-- Keyword search over Chinese text: the search tokens of the normalised search text, indexed with
-- GIN. Tokens are the character bigrams (a keyword of n >= 2 characters can only occur in a text
-- containing all its n-1 bigrams) plus every maximal run of 3+ digits as `#<digits>` (a document
-- number's digits, e.g. 2024509952 in 沈人社监罚〔2024〕509952号, are together far rarer than any of
-- their digit pairs). `disclosure_search_tokens("searchText") @> <keyword's tokens>` finds the
-- candidates and strpos() confirms the substring. Trigram indexes (pg_trgm) cannot serve 1-2
-- character keywords, and Chinese keywords are often two characters (罚款, 工资). `|` separates
-- fields: no bigram spans two fields. Characters are code points, as TypeScript's Array.from
-- (the database encoding is UTF-8); the keyword side is cut in public-decision-repository.ts.
CREATE FUNCTION disclosure_search_tokens(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT ARRAY(
      SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
      WHERE strpos(substr(t, i, 2), '|') = 0
      UNION ALL
      SELECT '#' || m[1] FROM regexp_matches(t, '[0-9]{3,}', 'g') AS m
    )
  $$;

CREATE INDEX "PublicDecision_searchTokens_idx" ON "PublicDecision" USING GIN (disclosure_search_tokens("searchText"));

-- The planner weighs this index against a newest-first scan from the array's most-common-elements
-- statistics (the service reads them too, to plan keyword searches); a larger sample makes that
-- reliable for the few thousand distinct bigrams.
ALTER INDEX "PublicDecision_searchTokens_idx" ALTER COLUMN 1 SET STATISTICS 1000;
