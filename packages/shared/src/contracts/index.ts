export * from './lifecycle';
export * from './internal-api';
export * from './search-attributes';
export * from './directory';
export * from './recording-api';
export * from './notifications';
export * from './record-bodies';
export * from './proposal-materials';
