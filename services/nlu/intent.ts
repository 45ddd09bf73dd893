// What the patient wants, from the words patients use. Corrections ("actually make it Thursday",
// "no, it's Ana not Anna") are not a new request: a message that corrects or answers with values
// gets 'other' and carries the values; the dialog overwrites what it had (see README.md).
import type { Intent, UnderstandContext } from './understanding';

const QUIT = /^(?:oh\s+|ok(?:ay)?\s*,?\s*|actually\s*,?\s*)?(?:never\s*mind|nvm|forget\s+(?:about\s+)?it|stop|quit|exit|abort|cancel\s+(?:that|this|it|everything)|i\s+changed\s+my\s+mind|changed\s+my\s+mind|not\s+anymore|i'?m\s+done|bye|goodbye)\b/;
const RESTART = /\b(?:start(?:ing)?\s+(?:over|again|from\s+scratch|afresh)|restart|begin\s+again|from\s+the\s+(?:top|beginning)|reset|redo\s+(?:it|this|everything))\b/;
const CANCEL = /\bcancel+(?:l?ing|l?ed)?\b|\bcall\s+off\b/;
const CANT_MAKE_IT = /\b(?:can'?t|cannot|can\s+not|won'?t|will\s+not|unable\s+to|not\s+able\s+to)\s+(?:be\s+able\s+to\s+)?(?:make\s+it|come|attend|go|be\s+there|show\s+up)\b/;
/** After "I can't make it": words that offer another time. */
export const NEW_TIME = /\b(?:instead|how\s+about|what\s+about|can\s+(?:i|we)\s+(?:do|come|make\s+it|switch|move|change)|could\s+(?:i|we)\s+(?:do|come)|rather)\b/;
const RESCHEDULE = /\b(?:re-?schedul\w*|resched|postpone|push\s+(?:it|my\s+(?:appointment|appt|visit)|back)|move\s+(?:it|my|the)|change\s+(?:my|the)\s+(?:appointment|appt|time|date|visit)|different\s+(?:time|day|date)|another\s+(?:time|day|date))\b/;
const APPOINTMENT = /\b(?:appointments?|appts?|visits?|bookings?|booked|scheduled)\b/;
const LIST = /\b(?:when(?:'s|\s+is|\s+are|\s+was)|what\s+time\s+is|what\s+day\s+is|do\s+i\s+have|have\s+i\s+got|did\s+i\s+book|check|show|see|list|view|look\s+up|remind\s+me|confirm|upcoming|my\s+next)\b/;
/** Asking about an appointment without the word: "what time am I coming in?", "did I book anything". */
const LIST_INDIRECT = /\b(?:what\s+time\s+am\s+i|when\s+am\s+i\s+(?:coming|supposed|due|scheduled|booked|in)|do\s+i\s+still\s+have|am\s+i\s+still\s+(?:on|booked|scheduled)|did\s+i\s+(?:book|schedule)\s+(?:anything|something|an?|the|my))\b/;
/** "can I talk to a person", "real human please", "agent": the patient wants the front desk. */
const HANDOFF = /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|the|some|your)?\s*(?:real\s+|live\s+|actual\s+)?(?:person|human|someone|somebody|receptionist|front\s+desk|staff|agent|representative|rep|operator|people)\b|\b(?:real|live|actual)\s+(?:person|human|agent|people)\b|^\W*(?:an?\s+)?(?:agent|human|operator|representative|receptionist|front\s+desk)(?:\s+(?:please|pls|plz))?\W*$/;
const LIST_ONLY = /^\W*(?:my\s+appointments?|appointments|list|upcoming|my\s+bookings?)\W*$/;
const BOOK = /\b(?:book\w*|(?:can|could|may)\s+i\s+come|come\s+(?:to|by)\s+(?:the|your)|got\s+any(?:thing|\s+(?:openings?|times?|slots?))|anything\s+(?:open|free|available)|schedul\w*|make\s+an?\s+(?:appointment|appt)|set\s+up\s+an?\s+(?:appointment|appt)|(?:an?|new)\s+(?:appointment|appt|visit)|come\s+in|get\s+in|see\s+(?:a|the)\s+(?:dentist|doctor|hygienist)|(?:want|like|need)\s+to\s+see|see\s+(?:dr|doctor)|looking\s+for\s+an?\s+(?:appointment|time|slot|opening)|any\s+(?:openings|availability|slots)|appointment|appt)\b/;
/** Asking for something (with a type): "I need a cleaning". */
const WANT = /\b(?:need|needs|want|wanna|like|get|getting|have|having|book|looking|schedule|due|time\s+for)\b/;
const HELP = /^\W*(?:help(?:\s+me)?|menu|options|commands|what\s+can\s+(?:you|i)\s+do|how\s+does\s+this\s+work|what\s+do\s+i\s+do|i'?m\s+(?:confused|lost|stuck)|i\s+don'?t\s+(?:understand|get\s+it)|huh|what|info|instructions)\W*$|\b(?:help|what\s+can\s+you\s+do)\b/;
const YES = /^\W*(?:yes+|yeah|yea|yep|yup|ya|yah|yess|sure|ok(?:ay)?|okey|k|kk|alright|all\s+right|correct|right|that'?s\s+(?:right|correct|fine|good|perfect|great)|that\s+works|works(?:\s+for\s+me)?|sounds\s+(?:good|great|perfect)|perfect|great|fine|confirm(?:ed)?|absolutely|definitely|of\s+course|please\s+do|go\s+ahead|do\s+it|book\s+it|lock\s+it\s+in|let'?s\s+do\s+it|no\s+problem|👍|✅)(?=\W|$)/u;
const YES_LETTER = /^\W*y\W*$/;
const NO = /^\W*(?:(?:actually|hmm+|um+|uh+|well|oh|ah|sorry)\W+)?(?:no+|nope|nah|naw|not\s+really|negative|incorrect|wrong|that'?s\s+(?:wrong|not\s+right|incorrect)|not\s+(?:that|quite)|don'?t|do\s+not|👎|❌)(?=\W|$)/u;
const NO_LETTER = /^\W*n\W*$/;
/** Words that change a value already given. */
const CORRECTION = /\b(?:actually|instead|rather|i\s+meant|i\s+mean|(?<!(?:can'?t|cannot|not|won'?t|able\s+to)\s)make\s+it|change\s+(?:it|that|this|the\s+\w+)\s+to|switch\s+(?:it\s+|that\s+)?to|correction|oops|wait|typo|not\s+\p{L}+\s*,?\s*but)\b|^\W*no\W+\S/u;
/** "No" in these is not a refusal. */
const NOT_A_REFUSAL = /^\W*no\s+(?:preference|pref|problem|worries|rush)\b/;

export interface IntentEvidence {
  /** whether any field was found in the message */
  hasFields: boolean;
  /** an appointment type (or symptom) was named */
  hasType: boolean;
  /** the message has words at all (not only emoji or punctuation) */
  hasWords: boolean;
}

export function detectIntent(lower: string, expecting: UnderstandContext['expecting'], evidence: IntentEvidence): Intent {
  const text = lower.replace(/\s+/g, ' ').trim();
  if (!evidence.hasWords) {
    if (/^\?+$/.test(text.replace(/\s/g, ''))) return 'help';
    if (expecting === 'confirm' && YES.test(text)) return 'yes';
    if (expecting === 'confirm' && NO.test(text)) return 'no';
    return 'none';
  }
  const inFlow = expecting !== undefined;
  if (HANDOFF.test(text)) return 'handoff';
  if (QUIT.test(text)) return 'quit';
  if (RESTART.test(text)) return 'restart';
  if (/^\W*cancel\W*$/.test(text)) return inFlow ? 'quit' : 'cancel';
  if (CANT_MAKE_IT.test(text)) return RESCHEDULE.test(text) || NEW_TIME.test(text) ? 'reschedule' : 'cancel';
  // Outside a flow there is nothing to correct: "can we do Friday instead" asks to move an appointment.
  if (!inFlow && evidence.hasFields && !evidence.hasType && /\binstead\b/.test(text)) return 'reschedule';
  if (evidence.hasFields && CORRECTION.test(text) && !NOT_A_REFUSAL.test(text)) return 'other';
  if (RESCHEDULE.test(text) && (APPOINTMENT.test(text) || /\b(?:re-?schedul|resched|postpone|move\s+it|push\s+it)/.test(text))) return 'reschedule';
  if (CANCEL.test(text) && (APPOINTMENT.test(text) || /\bcancel\w*\s+(?:it|mine|for)\b/.test(text) || !inFlow)) return 'cancel';
  if (/\breschedul/.test(text)) return 'reschedule';
  if (LIST_INDIRECT.test(text) || LIST_ONLY.test(text) || (APPOINTMENT.test(text) && LIST.test(text) && !/\b(?:book|make|schedule|need|want|like)\b/.test(text))) return 'list';
  if (!NOT_A_REFUSAL.test(text)) {
    const yes = YES.test(text) || (expecting === 'confirm' && YES_LETTER.test(text));
    const no = NO.test(text) || (expecting === 'confirm' && NO_LETTER.test(text));
    if (no) return evidence.hasFields ? 'other' : 'no';
    // "yes, I'd like to book" outside a confirmation is a request, not an answer.
    if (yes && expecting !== 'confirm' && (BOOK.test(text) || evidence.hasType)) return 'book';
    if (yes && (!evidence.hasFields || expecting === 'confirm')) return 'yes';
  }
  if (BOOK.test(text)) return 'book';
  if (evidence.hasType && (!inFlow || WANT.test(text))) return 'book';
  if (HELP.test(text)) return 'help';
  return evidence.hasFields ? 'other' : 'none';
}
