export { fromDateColumn as fromDbDate, toDateColumn as toDbDate } from '@sanxiang/shared/src/calendar';
