// The service as a library: what cross-service tests and tools may use.
export { createApp, type TAppDeps } from './app';
export { createPrismaClient, type TDb } from './data-access/prisma-client';
export { createCalendarSource } from './data-access/calendar-source';
export { composeService, type TComposedService, type TComposeServiceOverrides } from './compose-service';
