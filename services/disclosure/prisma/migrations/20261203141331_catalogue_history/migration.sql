-- AlterTable
ALTER TABLE "OutcomeRequest" ADD COLUMN     "replacedById" UUID;

-- CreateTable
CREATE TABLE "PublicCatalogueVersion" (
    "disclosureId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "catalogueSection" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "supersededAt" TIMESTAMPTZ(3),
    "endKind" TEXT,
    "endReason" TEXT,
    "endExplanation" TEXT,
    "replacedById" UUID,

    CONSTRAINT "PublicCatalogueVersion_pkey" PRIMARY KEY ("disclosureId","version")
);

-- CreateIndex
CREATE INDEX "PublicCatalogueVersion_catalogueSection_supersededAt_idx" ON "PublicCatalogueVersion"("catalogueSection", "supersededAt");

-- Backfill: every version of a published catalogue entry that the head approved was public from its
-- approval until the next approved version (whose note is the reason it was replaced).
WITH approved AS (
    SELECT s."disclosureId", s."version", MIN(s."at") AS "at"
    FROM "ReviewStep" s
    JOIN "Disclosure" d ON d."id" = s."disclosureId"
    WHERE s."action" = 'approve' AND d."kind" = 'catalogueEntry' AND d."status" = 'published'
    GROUP BY s."disclosureId", s."version"
), ordered AS (
    SELECT a.*,
           LEAD(a."at") OVER w AS "nextAt",
           LEAD(a."version") OVER w AS "nextVersion"
    FROM approved a
    WINDOW w AS (PARTITION BY a."disclosureId" ORDER BY a."version")
)
INSERT INTO "PublicCatalogueVersion"
    ("disclosureId", "version", "catalogueSection", "title", "content", "publishedAt", "supersededAt", "endKind", "endExplanation")
SELECT o."disclosureId",
       o."version",
       COALESCE(d."catalogueSection", ''),
       COALESCE(v."publicContent"->>'title', v."publicContent"->>'name', d."title"),
       v."publicContent",
       o."at",
       o."nextAt",
       CASE WHEN o."nextAt" IS NULL THEN NULL ELSE 'replaced' END,
       nv."note"
FROM ordered o
JOIN "Disclosure" d ON d."id" = o."disclosureId"
JOIN "DisclosureVersion" v ON v."disclosureId" = o."disclosureId" AND v."version" = o."version"
LEFT JOIN "DisclosureVersion" nv ON nv."disclosureId" = o."disclosureId" AND nv."version" = o."nextVersion"
ON CONFLICT DO NOTHING;
