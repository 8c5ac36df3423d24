// The decision's content schema is shared with the staff console (its correction form checks with it).
export * from '@sanxiang/shared/src/contracts/disclosure-decision';
