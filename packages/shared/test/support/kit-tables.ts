import { auditAppendOnlySql } from '../../src/kit';

/** The kit's three tables as the services' Prisma migrations create them (docs/service-kit.md). */
export const kitTablesSql = `
CREATE TABLE "OutboxMessage" (
  "id" BIGSERIAL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "orderingKey" TEXT NOT NULL,
  "dedupeKey" TEXT UNIQUE,
  "subject" TEXT NOT NULL,
  "payload" JSONB NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lockedUntil" TIMESTAMPTZ(3),
  "deliveredAt" TIMESTAMPTZ(3),
  "lastError" TEXT,
  "result" JSONB
);
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage" ("orderingKey", "id");
CREATE TABLE "IdempotentRequest" (
  "actorId" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "route" TEXT NOT NULL,
  "requestHash" TEXT NOT NULL,
  "status" INTEGER NOT NULL,
  "body" JSONB NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY ("actorId", "key")
);
CREATE TABLE "AuditEvent" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actorId" TEXT NOT NULL,
  "actorName" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "details" JSONB NOT NULL DEFAULT '{}',
  "requestId" TEXT,
  "caseId" UUID,
  "prevHash" TEXT,
  "hash" TEXT UNIQUE
);
${auditAppendOnlySql}
CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL);
`;
