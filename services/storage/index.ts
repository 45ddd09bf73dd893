export { FileStorage, ETagConflictError, isETagConflict } from './file-storage';
export type { KeyValueStorage, ListableStorage, StoreItem, StoreItems, SweepDecision } from './file-storage';
export { ExpiringStorage } from './expiring-storage';
export type { Lifetime, SweepableStorage, Sweeper } from './expiring-storage';
export { ReplayRecords } from './replay-records';
