# One image for the services, the staff console, the worker and the migration job; docker-compose.yml picks the
# command. TypeScript runs through tsx (the same way as locally), so there is no separate build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY packages/shared/package.json packages/shared/
COPY packages/prisma-migrate/package.json packages/prisma-migrate/
COPY packages/testing/package.json packages/testing/
COPY services/disclosure/package.json services/disclosure/
COPY services/recording/package.json services/recording/
COPY services/legal-review/package.json services/legal-review/
COPY services/directory/package.json services/directory/
COPY services/notifications/package.json services/notifications/
COPY services/inspection/package.json services/inspection/
COPY apps/console/package.json apps/console/
COPY workflows/package.json workflows/
COPY test/package.json test/
RUN npm install --no-audit --no-fund --include=dev
COPY . .
RUN for s in disclosure recording legal-review directory notifications inspection; do \
      (cd services/$s && PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate); \
    done && npm run -w @sanxiang/console build
USER node
CMD ["npx", "tsx", "services/disclosure/src/main.ts"]
