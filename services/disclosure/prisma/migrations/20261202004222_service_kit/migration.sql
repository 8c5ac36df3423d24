-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- DropTable (stored answers are for retries within minutes; the kit's table replaces it)
DROP TABLE "IdempotencyRecord";

-- CreateTable
CREATE TABLE "IdempotentRequest" (
    "actorId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotentRequest_pkey" PRIMARY KEY ("actorId","key")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- (hand-written) Signals still waiting in the old outbox move to the kit's, in their order.
INSERT INTO "OutboxMessage" ("kind", "orderingKey", "subject", "payload", "createdAt", "attempts", "nextAttemptAt", "lastError")
SELECT 'workflowSignal', "workflowId", "workflowId",
       jsonb_build_object('workflowId', "workflowId", 'signal', "signal", 'payload', "payload"),
       "createdAt", "attempts", "nextAttempt", "lastError"
FROM "SignalOutbox" WHERE "deliveredAt" IS NULL ORDER BY "id";

-- DropTable
DROP TABLE "SignalOutbox";

-- Append-only audit trail (hand-written; Prisma cannot express triggers): the SQL of the kit's
-- auditAppendOnlySql (packages/shared/src/kit/audit.ts).
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
