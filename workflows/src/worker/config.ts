import { loadConfigOrExit, type TConfigOf } from '@sanxiang/shared';

export type TWorkerConfig = TConfigOf<'worker'>;

/** The worker's configuration: the shared loader's `worker` profile (one place to swap it). */
export const loadWorkerConfig = (): TWorkerConfig => loadConfigOrExit('worker');
