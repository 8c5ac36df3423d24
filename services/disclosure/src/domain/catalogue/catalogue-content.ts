// The catalogue entries' schema is shared with the staff console (its entry forms are drawn from it).
export * from '@sanxiang/shared/src/contracts/catalogue-entry';
