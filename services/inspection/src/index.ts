// The service as a library: what cross-service tests and tools may use.
export { createApp, type TAppDeps } from './app';
export { createPrismaClient, type TDb } from './data-access/prisma-client';
export { createDirectoryClient, type TDirectoryClient } from './data-access/directory-client';
export { composeService, type TComposedService, type TComposeServiceOverrides } from './compose-service';
export { runDraw, drawAlgorithm, type TDrawInput, type TDrawOutcome } from './domain/draw/draw-algorithm';
export { usccProblem, usccCheckCharacter } from './domain/objects/uscc';
