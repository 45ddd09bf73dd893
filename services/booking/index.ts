export { BookingService, providerName } from './booking-service';
export type { BookingServiceOptions, BookingResult, LocationReference, TimeOffer, TimeSearch, UnderstandingReference } from './booking-service';
export { matchPatient, normaliseName, phoneKey } from './patient-match';
export type { PatientIdentity, PatientMatch } from './patient-match';
export { onePerTime, pickOffered, rankAround, rankInWindow, searchRange, slotKey, slotsFromGroups } from './slot-ranking';
export type { OpenSlot, PreferenceWindows, TimeWindow } from './slot-ranking';
export { formatDay, formatSlotTime } from './format';
export { applyFacts, nextStep, retryDraft, withoutContact } from './booking-draft';
export type { BookingDraft, DraftFacts, DraftField, NextStep } from './booking-draft';
