export * from './app-error';
export * from './from-zod';
export * from './problem';
export * from './rule-refusal';
