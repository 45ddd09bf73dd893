// Public contract (shared/spec/date-preferences.md).
export interface DatePreference {
  windows: { start: string; end: string }[]; // ISO 8601 with offset, in opts.timeZone, sorted, never before `now`
  asap: boolean; // "ASAP", "earliest available", "first opening": rank by time, not closeness
  past: boolean; // everything the text named lies before `now` ("yesterday", "last Friday")
}

export interface DatePreferenceOptions {
  now: Date;
  timeZone: string; // IANA zone of the practice location
  horizonDays?: number;
}
