// The record schemas live in packages/shared (the staff console's forms validate with them too).
export * from '@sanxiang/shared/src/contracts/record-bodies';
// Labels of the shared vocabulary live with it (one wording for every service).
export { recordKindLabel } from '@sanxiang/shared/src/domain';
