export { FileStorage, ETagConflictError } from './file-storage';
export type { KeyValueStorage, StoreItem, StoreItems } from './file-storage';
export { ReplayRecords } from './replay-records';
