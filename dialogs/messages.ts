// Everything the bot says, in one place: short, one question at a time, always what happens next.
import type { Expecting } from './conversation-data';

export const messages = {
  greeting: "Hi! I'm the front desk assistant. I can book, show, move or cancel your appointments. How can I help?",
  menu: 'I can book an appointment, show your upcoming appointments, move one or cancel one. What would you like to do?',
  menuChoices: ['Book an appointment', 'My appointments', 'Cancel an appointment'],
  stopped: "OK, I've stopped. Nothing was booked. Say \"book\" whenever you want to start again.",
  restarting: "Let's start over.",
  onlyText: "I can only read text messages. Please type your answer.",
  tooLong: 'That message is too long for me. Please send a shorter one.',
  slowDown: "You're sending messages faster than I can read them. Give me a moment, then send your answer again.",
  error: "Sorry, something went wrong on my side. Let's try that again.",
  serviceDown: "Sorry, I can't reach the practice's scheduling system right now. Please try again in a few minutes.",

  askLocation: 'Which office would you like to visit?',
  retryLocation: "Sorry, I didn't catch which office.",
  askName: 'What is your first and last name?',
  retryName: "Sorry, I didn't catch your full name. Please type your first and last name.",
  askDateOfBirth: 'What is your date of birth?',
  retryDateOfBirth: "Sorry, I couldn't read that date of birth. Please type it like 3/4/1990.",
  askContact: "What's your phone number or email?",
  retryContact: "Sorry, I couldn't read a phone number or email in that.",
  noMatchNewPatient: "I couldn't find a record with those details, so I'll set you up as a new patient.",
  askPhoneForNew: 'What phone number should the office use?',
  askEmailForNew: 'What email address should the office use?',
  askGender: 'For your new record, which sex should the office note?',
  retryGender: "Sorry, I didn't catch that.",
  couldNotMatch: "I couldn't match those details. What's the phone number or email on file?",
  tooManyAttempts: "I couldn't match those details, so I can't go on here. Please call the office and they'll sort it out.",

  askAppointmentType: 'What kind of appointment do you need?',
  retryAppointmentType: "Sorry, I'm not sure which kind of appointment that is. Please pick one.",
  askWhen: 'When would you like to come in?',
  whenHint: 'For example "next Tuesday afternoon", "Friday morning" or "as soon as possible".',
  retryWhen: "Sorry, I couldn't tell which day you mean.",
  pastWhen: "That's already passed. When would you like to come in?",
  timesFound: 'Here are the times I found:',
  nothingInWindow: "Nothing is open then. These are the nearest times:",
  noTimesAtAll: "I couldn't find any open times in the next few weeks. Please call the office to book.",
  otherTimes: 'Other times',
  noMoreTimes: "That's all the times I have for that. Tell me another day or time.",
  retryChoice: 'Please pick one of the times, or tell me another day.',
  askConfirm: (summary: string) => `${summary}. Book it?`,
  retryConfirm: 'Please answer yes or no.',
  notBooked: "No problem, it's not booked. Here are some other times.",
  requestSent: "Request sent. I'll message you here as soon as the office confirms.",
  booked: (summary: string) => `You're booked: ${summary}.`,
  // insert_appt_client false: NexHealth never writes it into the office's system, so no confirmation will come from it.
  requestSentOfficeConfirms: "Request sent. This office books requests into its schedule by hand, so the office will contact you to confirm it.",
  requestSentOfficeConfirmsReplacing: (oldWhen: string) => `Request sent. This office books requests into its schedule by hand, so the office will contact you to confirm it. Your appointment on ${oldWhen} stays as it is until then.`,
  syncOffline: "The office's system is offline right now, so your request isn't confirmed yet. You'll hear from me here when it's back.",
  officeCancelled: (type: string, when: string) => `The office cancelled your ${type.toLowerCase()} on ${when}. Say "book" to find another time.`,
  officeMoved: (type: string, when: string, newWhen: string) => `The office moved your ${type.toLowerCase()} on ${when} to ${newWhen}.`,
  officeRefused: "The office couldn't take that time.",
  // Not "nothing was booked": the request may have gone through; answering yes again is safe.
  bookingUnsure: "Sorry, I couldn't reach the practice's scheduling system just now. Say yes to try again; you won't be booked twice.",
  alreadyMoving: (when: string) => `You've already asked to move your appointment on ${when}. I'll message you here as soon as the office confirms the new time.`,
  slotTaken: 'Sorry, that time was just taken. Here are the next nearest times.',
  requestSentReplacing: (oldWhen: string) => `Request sent. I'll message you here as soon as the office confirms. Your appointment on ${oldWhen} stays as it is until then.`,
  rescheduled: (summary: string, oldWhen: string) => `You're booked: ${summary}. Your appointment on ${oldWhen} is cancelled.`,
  rescheduleRefused: (oldWhen: string) => `The office couldn't take that time. Your appointment on ${oldWhen} is unchanged.`,

  identityFirst: 'Sure. First I need to check who you are.',
  upcoming: 'Your upcoming appointments:',
  noUpcoming: 'You have no upcoming appointments. Want to book one?',
  pickToCancel: 'Which appointment would you like to cancel?',
  pickToMove: 'Which appointment would you like to move?',
  retryPick: 'Please pick one of your appointments.',
  askCancel: (summary: string) => `Cancel ${summary}?`,
  cancelled: (type: string, when: string) => `Done: your ${type} appointment on ${when} is cancelled.`,
  keptAppointment: "OK, I've left it as it is.",
  findNewTime: (type: string, when: string) => `OK, let's find a new time for your ${type} appointment on ${when}. It stays booked until the office confirms the new one.`,
  yes: 'Yes',
  no: 'No',
} as const;

const waitingFor: Record<Expecting, string> = {
  location: 'which office you would like to visit',
  name: 'your first and last name',
  dateOfBirth: 'your date of birth',
  contact: 'your phone number or email',
  appointmentType: 'the kind of appointment you need',
  provider: 'which provider you would like to see',
  when: 'when you would like to come in',
  choice: 'you to pick one of the times',
  confirm: 'a yes or no to book the time',
  appointment: 'you to pick one of your appointments',
  cancelConfirm: 'a yes or no to cancel the appointment',
  gender: 'the sex for your new record (Male, Female or Other)',
};

export function helpText(expecting: Expecting | undefined): string {
  // Not "stop": by SMS that word unsubscribes the patient (a carrier keyword).
  const can = 'I can book an appointment, show your upcoming appointments, move one or cancel one. Say "nevermind" to quit or "start over" to begin again.';
  return expecting ? `${can} Right now I'm waiting for ${waitingFor[expecting]}.` : can;
}
