-- The e-mail outbox moves onto the service kit's outbox (packages/shared/src/kit/outbox.ts): the
-- table first, then every e-mail not yet sent becomes an `email` message (its attempts, last error
-- and next attempt kept), then the e-mail row loses its own lease and schedule.

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

-- Queue what the old loop had not sent (pending, and failed: the kit retries those too).
INSERT INTO "OutboxMessage" ("kind", "orderingKey", "dedupeKey", "subject", "payload", "createdAt", "attempts", "nextAttemptAt", "lastError")
SELECT 'email', 'email:' || e."id", 'email:' || e."id", 'notification:' || e."notificationId",
       jsonb_build_object('emailId', e."id"), e."createdAt", e."attempts", e."nextAttemptAt", e."lastError"
FROM "EmailMessage" e
WHERE e."status" IN ('pending', 'failed')
ORDER BY e."createdAt", e."id";

-- DropIndex
DROP INDEX "EmailMessage_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "EmailMessage" DROP COLUMN "lockedUntil",
DROP COLUMN "nextAttemptAt";
