export * from './connect';
export * from './start-case-lifecycle';
<<<<<<< HEAD
export * from './provisional-deadlines';
=======
export * from './codec-keys';
export * from './payload-codec';
>>>>>>> 22a1da2 (Temporal payload codec (issue #16): AES-256-GCM over every payload with the key id in metadata (TEMPORAL_CODEC_KEYS, first key encrypts, all decrypt), used by the worker, every client (services, CLI, schedules, tests, benches); plain payloads pass through (saved replay histories replay through it); codec server for admins only with a log of who decoded what (workflows/src/codec-server, npm start, --ui-codec-endpoint, compose service); e2e raw-history, rotation-replay and Temporal CLI checks in major-case; docs/decisions.md)
