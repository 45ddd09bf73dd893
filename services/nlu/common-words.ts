// Words that are never a patient's name: after "I'm" they describe ("I'm free", "I'm looking"),
// and in a bare answer they are the rest of the sentence.
const WORDS = `
a an the and or but nor if then than so as at by for from in into of off on onto out over to up
down with within without about above after before between during through under until till via per
i i'm im me my mine myself we us our you your yours he him his she her they them their it its it's
this that these those there here where when what which who whom whose why how
am is are was were be been being do does did doing done have has had having get got getting
can could will would shall should may might must need needs needed want wants wanted wanting like
likes liked would'd i'd i'll i've ive id ill let let's lets make making made take taking book booking
booked schedule scheduling scheduled reschedule rescheduling cancel cancelling canceling cancelled
move moving change changing see seeing come coming go going gonna wanna gotta call calling called
text texting write writing ask asking asked check checking look looking looked try trying tried
hoping wonder wondering wondered think thinking thought know knew just only also too very really
so still already actually instead maybe probably perhaps definitely certainly sure surely not no never
nope nah yes yeah yep yup ok okay okey k alright fine good great perfect awesome cool thanks thank
thx ty please pls plz sorry oops hi hello hey hiya howdy greetings dear sir madam yo
free available busy open ready able unable new existing returning regular current old
here there now today tonight tomorrow yesterday morning mornings afternoon afternoons evening evenings
night noon midday lunchtime week weeks weekend month months day days year years time times asap
earliest soonest whenever anytime early late later soon next last first second third this coming
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays
fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun
january february march september october november december
feb mar apr jun jul aug sep sept oct nov dec
appointment appointments appt appts visit visits dentist dentists doctor doctors dr doc hygienist
provider office clinic location practice patient patients
cleaning cleanings clean cleaned hygiene exam examination checkup check-up consult consultation
emergency urgent filling fillings cavity cavities crown root canal whitening extraction implant
tooth teeth toothache ache aching hurt hurts hurting pain painful broken broke cracked chipped
swollen swelling bleeding abscess gum gums mouth jaw
help stop quit exit restart start over again back nevermind nvm forget
any anyone anybody anything anywhere someone somebody something everyone all both either neither
none nobody nothing each every whoever whichever preference prefer preferred
in-person calling interested scared nervous worried afraid happy glad confused lost sick ill away
home done wrong right correct incorrect true false mom dad mother father son daughter wife husband
kid kids child children baby family friend
one two three four five six seven eight nine ten
born dob birthday birth date phone number email cell mobile
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));
