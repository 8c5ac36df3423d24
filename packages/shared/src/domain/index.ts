export * from './roles';
export * from './case-stages';
export * from './decision-kinds';
export * from './legal-review';
export * from './records';
export * from './identifiers';
export * from './labels';
