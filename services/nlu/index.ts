// services/nlu: the only place where a patient's free text becomes structured facts.
export { understand } from './understand';
export type { Slot, UnderstandContext, Understanding } from './understanding';
