-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "orderingKey" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "result" JSONB,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage"("orderingKey", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_pending_idx" ON "OutboxMessage"("nextAttemptAt", "id") WHERE ("deliveredAt" IS NULL);

-- (hand-written) Messages still waiting in the old outbox move to the kit's, in their order.
INSERT INTO "OutboxMessage" ("kind", "orderingKey", "subject", "payload", "createdAt", "attempts", "lastError")
SELECT "kind", "caseId"::text, 'case:' || "caseId"::text,
       jsonb_build_object('caseId', "caseId"::text, 'name', "name", 'payload', "payload"),
       "createdAt", "attempts", "lastError"
FROM "LifecycleMessage" WHERE "deliveredAt" IS NULL ORDER BY "id";

-- DropForeignKey
ALTER TABLE "LifecycleMessage" DROP CONSTRAINT "LifecycleMessage_caseId_fkey";

-- DropTable
DROP TABLE "LifecycleMessage";
