// The contract of shared/spec/understanding.md, word for word.
import type { DatePreference } from '../dates';

export interface UnderstandContext {
  now: Date;
  timeZone: string;                       // IANA zone of the location (or the practice's default)
  expecting?: Slot | 'choice' | 'confirm';  // what the bot just asked, if anything
  appointmentTypes: { id: number; name: string }[];
  providers: { id: number; name: string }[];
  locations: { id: number; name: string }[];
}

export type Slot = 'location' | 'name' | 'dateOfBirth' | 'contact' | 'appointmentType' | 'provider' | 'when';

export interface Understanding {
  intent: 'book' | 'list' | 'cancel' | 'reschedule' | 'help' | 'quit' | 'restart'
        | 'yes' | 'no' | 'other' | 'none'
        | 'handoff';                // extension (issue 17): "can I talk to a person"
  firstName?: string; lastName?: string;
  dateOfBirth?: string;        // YYYY-MM-DD, never in the future, never more than 120 years ago
  phone?: string;              // E.164 (US default region), from libphonenumber-js
  email?: string;              // lower-cased
  appointmentTypeId?: number;
  providerId?: number | 'any';
  locationId?: number;
  when?: DatePreference;       // parseDatePreference on the date words only
  choice?: number;             // 1-based, when expecting 'choice'
  // Extension of the spec's contract: "other times", "more", "none of these" when expecting
  // 'choice' (the offer's last button); choice and more never come together.
  more?: boolean;
}

export type Intent = Understanding['intent'];
