"""The exercise library: short practices for two, in our own words.

Each exercise says what it is for, how long it takes, who does what, the
steps, what to do if it goes badly, how to do it when you are apart (when
it works at a distance), and the research ideas it draws on. The ideas are
cited from RESEARCH.md only (each `Source.research` names its entry there);
"draws on" means the exercise puts the idea into practice, not that the
exercise itself was tested.

Slugs are stored by planned sessions: never rename or reuse one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Texts are lazy translations, turned into words in the reader's language
# when shown.
Text = str | Promise

SHORT_MINUTES = 10  # "little time": an exercise that fits in ten minutes


class Theme(models.TextChoices):
    RELIABILITY = "reliability", _("Relying on each other")
    CLOSENESS = "closeness", _("Opening up")
    LISTENING = "listening", _("Listening")
    CONFLICT = "conflict", _("Disagreements")
    REPAIR = "repair", _("Making amends")
    APPRECIATION = "appreciation", _("Appreciation")
    PLAY = "play", _("Play")
    FUTURE = "future", _("Planning together")


class Length(models.TextChoices):
    SHORT = "short", _("10 minutes or less")
    MEDIUM = "medium", _("Up to 30 minutes")
    LONG = "long", _("Longer")


class Where(models.TextChoices):
    APART = "apart", _("For couples apart")


def length_of(minutes: int) -> str:
    if minutes <= SHORT_MINUTES:
        return Length.SHORT
    if minutes <= 30:
        return Length.MEDIUM
    return Length.LONG


@dataclass(frozen=True)
class Source:
    idea: Text
    citation: str
    research: str  # words that find this idea's entry in RESEARCH.md
    caveat: Text = ""


SOURCES = {
    "rempel": Source(
        idea=_(
            "Trust in a couple grows in layers: first predictability (your "
            "partner acts in ways you can foresee), then dependability (you can "
            "count on them when it matters), then faith (confidence in your "
            "future together)."
        ),
        citation="Rempel, Holmes & Zanna (1985), Journal of Personality and "
        "Social Psychology 49(1):95–112",
        research="Rempel, Holmes & Zanna (1985)",
    ),
    "larzelere": Source(
        idea=_(
            "Trust in a partner rests on two things: believing they care about "
            "your good, and believing they are honest with you."
        ),
        citation="Larzelere & Huston (1980), Journal of Marriage and the "
        "Family 42:595–604",
        research="Larzelere & Huston (1980)",
    ),
    "responsiveness": Source(
        idea=_(
            "Closeness grows when one partner opens up and the other responds "
            "so that they feel understood, accepted and cared for. Sharing "
            "feelings does more for closeness than sharing facts."
        ),
        citation="Reis & Shaver (1988); Laurenceau, Barrett & Pietromonaco "
        "(1998), Journal of Personality and Social Psychology 74(5):1238–1251",
        research="Laurenceau, Barrett & Pietromonaco (1998)",
    ),
    "aron": Source(
        idea=_(
            "Closeness grows from taking turns to share something personal, "
            "going a little deeper each round."
        ),
        citation="Aron et al. (1997), Personality and Social Psychology "
        "Bulletin 23(4):363–377",
        research="Aron et al. (1997)",
    ),
    "checkins": Source(
        idea=_(
            "Very short, regular check-ins are easy for couples to keep up: in "
            "one study of couples answering two brief prompts a day for two "
            "weeks, most prompts took under five minutes."
        ),
        citation="Langer et al. (2020), JMIR Formative Research 4(7):e14161",
        research="Langer et al. (2020)",
    ),
    "patterns": Source(
        idea=_(
            "Four patterns tend to harm disagreements: criticism, contempt, "
            "defensiveness and shutting down. Each has an antidote: a gentle "
            "start, a habit of appreciation, owning your part, and a break of "
            "at least 20 minutes to calm down."
        ),
        citation="John Gottman's research on couples",
        research="The Four Horsemen and their antidotes",
        caveat=_("Used as inspiration; Troth does not measure these patterns."),
    ),
    "bids": Source(
        idea=_(
            "Partners make small reaches for each other's attention all day "
            "(a remark, a look, a touch), and each one can be turned towards or "
            "missed."
        ),
        citation="John Gottman's research on couples",
        research='"Bids" for connection',
        caveat=_(
            "The percentages often quoted with this idea could not be traced to "
            "a peer-reviewed source, so we leave them out."
        ),
    ),
    "apology": Source(
        idea=_(
            "An apology works better the more of its parts it has: regret, an "
            "explanation, taking responsibility, a commitment to change, an "
            "offer to put things right, a request for forgiveness. Taking "
            "responsibility matters most, the offer to repair next."
        ),
        citation="Lewicki, Polin & Lount (2016), Negotiation and Conflict "
        "Management Research 9(2):177–196",
        research="Lewicki, Polin & Lount (2016)",
    ),
    "heard": Source(
        idea=_(
            "An apology lands better when the hurt person first feels heard and "
            "understood."
        ),
        citation="Frantz & Bennigson (2005), Journal of Experimental Social "
        "Psychology 41:201–207",
        research="Frantz & Bennigson (2005)",
    ),
    "dialogue": Source(
        idea=_(
            "In a structured dialogue one speaks and the other mirrors what "
            "they heard, says why it makes sense, and guesses the feeling; then "
            "you swap."
        ),
        citation="Hendrix's Imago Dialogue; Gehlert et al. (2017)",
        research="Imago Dialogue (Hendrix)",
        caveat=_(
            "The evidence is modest: treat it as a way of talking, not a treatment."
        ),
    ),
    "warmth": Source(
        idea=_(
            "When couples were watched talking through a disagreement, those "
            "whose relationships lasted showed many more warm moments than "
            "harsh ones: about five for each harsh one."
        ),
        citation="Gottman & Levenson (1992), Journal of Personality and "
        "Social Psychology",
        research="Gottman & Levenson 1992",
        caveat=_(
            "Trained observers counted these moments in a lab. Troth never "
            "counts yours, and no exercise here is a test."
        ),
    ),
    "pace": Source(
        idea=_(
            "Some couples therapists describe recovering from a serious breach "
            "in three phases: making amends, coming back into tune with each "
            "other, then growing close again, with the hurt partner setting "
            "the pace."
        ),
        citation="Atone, Attune, Attach: a model from John Gottman's clinical work",
        research="Atone → Attune → Attach",
        caveat=_(
            "It comes from clinical practice and has no published outcome "
            "studies: a map, not a promise."
        ),
    ),
    "forgiveness": Source(
        idea=_(
            "Forgiveness has separate parts: steering around the other less, "
            "wanting to get even less, and feeling more goodwill. Goodwill in "
            "particular went with working out disagreements better, a year "
            "later too."
        ),
        citation="Fincham, Beach & Davila (2004), Journal of Family "
        "Psychology 18(1):72–81; McNulty (2011)",
        research="Fincham, Beach & Davila (2004)",
        caveat=_(
            "Forgiving is never a goal here and nobody is asked to: other "
            "research found that forgiving a partner who keeps hurting you "
            "does not make the hurting stop."
        ),
    ),
}


@dataclass(frozen=True)
class Exercise:
    slug: str
    title: Text
    theme: str
    minutes: int
    purpose: Text
    roles: Text
    steps: tuple[Text, ...]
    if_hard: Text  # how to stop or pause calmly, and come back
    sources: tuple[str, ...]
    timing: Text = ""  # when the time needed is spread out ("then a week")
    apart: Text = ""  # how to do it apart; empty when it needs you together
    # Made for couples apart (long distance, shifts, travel): the library's
    # "for couples apart" filter lists these.
    for_apart: bool = False
    # Touches hurt or conflict: the page says where couples exercises are
    # not advised (abuse), next to what to do if it goes badly.
    tender: bool = False

    @property
    def length(self) -> str:
        return length_of(self.minutes)

    @property
    def little_time(self) -> bool:
        return self.minutes <= SHORT_MINUTES

    @property
    def theme_label(self) -> Text:
        return Theme(self.theme).label

    @property
    def length_label(self) -> Text:
        return Length(self.length).label

    @property
    def cited(self) -> list[Source]:
        return [SOURCES[key] for key in self.sources]


EXERCISES = (
    # Relying on each other: trust built day to day.
    Exercise(
        slug="small-promise-kept",
        title=_("A small promise, kept"),
        theme=Theme.RELIABILITY,
        minutes=10,
        timing=_("10 minutes now, then a week of small acts"),
        purpose=_("Show each other, in something small, that your word holds."),
        roles=_("Each of you makes one promise and keeps it; each of you notices."),
        steps=(
            _(
                "Each of you picks one small, specific thing to do for the other "
                "this week: something you can certainly do, like making the "
                "coffee on weekdays or texting when you leave work."
            ),
            _("Say it out loud to each other, with when you will do it."),
            _("Do it, without reminders and without pointing it out."),
            _(
                "At the end of the week, each says what they noticed the other "
                "do. Just that: no grading."
            ),
        ),
        if_hard=_(
            "If one of you misses a day, say so simply (“I didn't manage it on "
            "Thursday”) and carry on; nobody is keeping score. If it stirs up "
            "older broken promises, stop there and agree a separate time to "
            "talk about those."
        ),
        apart=_(
            "Choose something you can do from afar: a message at a set time, a "
            "call on your way home, a song sent before their shift."
        ),
        sources=("rempel",),
    ),
    Exercise(
        slug="same-time-same-place",
        title=_("Same time, same place"),
        theme=Theme.RELIABILITY,
        minutes=15,
        timing=_("15 minutes to agree, then a short ritual for two weeks"),
        purpose=_("Build a rhythm you can both count on."),
        roles=_("You agree together; then both show up."),
        steps=(
            _(
                "Choose one short thing to do together at a fixed time: a "
                "ten-minute walk after dinner, tea before bed, a call on the way "
                "home."
            ),
            _("Agree on the days and put it in your calendar."),
            _("For two weeks, keep it. If one of you can't, say so before, not after."),
            _("After two weeks, talk about whether to keep it, change it or drop it."),
        ),
        if_hard=_(
            "If it starts to feel like a duty, or one of you keeps missing it, "
            "talk about it without blame: move it, shorten it or pause it. A "
            "ritual is there to help you, not to test you."
        ),
        apart=_(
            "Make it a call or a message at the same time each day, in an hour "
            "you both have, even if it is only five minutes."
        ),
        sources=("rempel",),
    ),
    Exercise(
        slug="when-it-mattered",
        title=_("When it mattered"),
        theme=Theme.RELIABILITY,
        minutes=15,
        purpose=_("Remember out loud the times you could count on each other."),
        roles=_("Take turns: one tells, the other listens and thanks."),
        steps=(
            _(
                "Each of you thinks of a time the other came through when it "
                "really mattered to you."
            ),
            _(
                "One tells the story: what happened, what they did, and what it "
                "meant to you."
            ),
            _("The listener doesn't add or correct anything; they just say thank you."),
            _("Swap."),
        ),
        if_hard=_(
            "If a story brings back a time when the other didn't come through, "
            "say “let's keep that for another day” and go back to a moment that "
            "went well. If nothing comes to mind yet, that's all right: try "
            "again next week."
        ),
        apart=_("It works just as well on a call."),
        sources=("rempel",),
    ),
    Exercise(
        slug="what-i-count-on",
        title=_("What I count on you for"),
        theme=Theme.RELIABILITY,
        minutes=20,
        purpose=_("Make visible what each of you relies on, and what you'd like to."),
        roles=_("Each writes alone, then you read to each other."),
        steps=(
            _("Each of you writes three things you count on the other for."),
            _(
                "Then one more line: one thing you would like to be able to count "
                "on, put as a wish, not a complaint."
            ),
            _(
                "Read your lists to each other. The listener only asks questions to understand."
            ),
            _(
                "If a wish is easy to meet, you can turn it into a promise in "
                "Troth. If not, leave it for now."
            ),
        ),
        if_hard=_(
            "If a wish lands as criticism, pause. The one who wrote it can say "
            "it again as a hope for the future (“I'd love to be able to…”). If "
            "it still stings, stop for today; some wishes need a conversation "
            "of their own."
        ),
        apart=_("Write your lists alone, then read them to each other on a call."),
        sources=("rempel",),
    ),
    Exercise(
        slug="heads-up",
        title=_("A heads-up, not a surprise"),
        theme=Theme.RELIABILITY,
        minutes=10,
        timing=_("10 minutes to agree, then a week of heads-ups"),
        purpose=_(
            "Make changes of plan easy to live with by telling each other early."
        ),
        roles=_("You agree together; then each sends heads-ups for a week."),
        steps=(
            _(
                "Each says which changes they'd like to hear about ahead of "
                "time: running late, plans with other people, a big purchase, "
                "a bad day coming. Your lists can differ."
            ),
            _("Agree how a heads-up travels: a message, a call, a note on the fridge."),
            _(
                "For a week, send a heads-up as soon as you know, even when the "
                "news is small or awkward."
            ),
            _(
                "At the end of the week, each says how it felt to get them, and "
                "whether anything should change."
            ),
        ),
        if_hard=_(
            "If the heads-ups start to feel like reporting in, loosen the list: "
            "nobody owes the other an account of every hour. Keep only the "
            "changes that really affect you both."
        ),
        apart=_(
            "Especially useful apart: a heads-up for a call that has to move, a "
            "shift that runs over, a delayed train."
        ),
        for_apart=True,
        sources=("rempel",),
    ),
    Exercise(
        slug="kind-reason-first",
        title=_("The kind reason first"),
        theme=Theme.RELIABILITY,
        minutes=10,
        purpose=_(
            "Practise reading each other with goodwill before jumping to the worst."
        ),
        roles=_("Each brings one small puzzle; the other explains."),
        steps=(
            _(
                "Each thinks of something small the other did lately that "
                "puzzled or annoyed them: a short reply, a forgotten errand."
            ),
            _(
                "Before saying it, think of the kindest likely reason for it, "
                "and say that too: “When you…, I wondered whether you were…”."
            ),
            _("The other says what was really going on, without defending."),
            _("Swap. Notice how often the kind reason was close."),
        ),
        if_hard=_(
            "If the real reason turns out to hurt, don't push on. Thank each "
            "other for being honest, and agree when to talk about it properly."
        ),
        apart=_(
            "Messages are easy to misread, so this is good practice apart; do "
            "the talking part on a call."
        ),
        sources=("larzelere",),
    ),
    Exercise(
        slug="when-a-promise-wont-fit",
        title=_("When a promise won't fit"),
        theme=Theme.RELIABILITY,
        minutes=15,
        purpose=_(
            "Learn to change a promise openly before it breaks, so your word still holds."
        ),
        roles=_("One brings a promise that has become hard; you reshape it together."),
        steps=(
            _(
                "Each thinks of a regular commitment that has become hard to "
                "keep: a pick-up, a weekly call, a chore, a date night."
            ),
            _(
                "One says it early and plainly: what you promised, why it's "
                "hard now, and what you could do instead."
            ),
            _("The other says what matters most to them about it."),
            _(
                "Agree on a new version together. If it's a promise in Troth, "
                "change its wording there so you both see what changed."
            ),
        ),
        if_hard=_(
            "If it feels like the promise is being dropped rather than "
            "reshaped, say so. Keep the part that matters most and try the "
            "rest again in a week."
        ),
        apart=_("Do it on a call; a changed promise is better said than typed."),
        sources=("rempel", "larzelere"),
    ),
    # Opening up.
    Exercise(
        slug="honest-about-small-things",
        title=_("Honest about small things"),
        theme=Theme.CLOSENESS,
        minutes=15,
        purpose=_("Practise telling small truths and being glad to hear them."),
        roles=_("Take turns: one shares, the other thanks them for telling."),
        steps=(
            _(
                "Each of you picks one small thing you have been keeping to "
                "yourself: a preference, a worry, something you did differently "
                "than you said. Keep it small; this is not the place for big news."
            ),
            _("One says it plainly."),
            _(
                "The other's only job is to say thank you for telling them, and "
                "mean it. Talk about the thing itself another time if needed."
            ),
            _("Swap. If either of you isn't ready, skip it; that's fine."),
        ),
        if_hard=_(
            "If a small truth turns out to be big for the one hearing it, they "
            "can say “I need a moment” and you stop there. Thank each other "
            "for trying and agree when to come back to it. Nobody has to share "
            "what they aren't ready to."
        ),
        apart=_("Better by voice than in writing, so the tone comes through."),
        sources=("larzelere",),
    ),
    Exercise(
        slug="feelings-not-just-facts",
        title=_("Feelings, not just facts"),
        theme=Theme.CLOSENESS,
        minutes=10,
        purpose=_("Tell each other about your day in a way that brings you closer."),
        roles=_("Take turns: one tells, the other reflects the feeling."),
        steps=(
            _("One tells about a moment from their day: first what happened."),
            _("Then how it felt: one or two feeling words."),
            _(
                "The listener says back the feeling they heard (“Sounds like "
                "you felt left out”) and asks if that's right."
            ),
            _("Swap."),
        ),
        if_hard=_(
            "A wrong guess is part of it: just ask again. If the moment turns "
            "out to be about the two of you and heavy, pause, and plan a proper "
            "time for it."
        ),
        apart=_(
            "Do it on a call or in voice messages at the end of your day; with "
            "a time difference, whoever's evening comes first goes first."
        ),
        sources=("responsiveness",),
    ),
    Exercise(
        slug="three-rounds-of-questions",
        title=_("Three rounds of questions"),
        theme=Theme.CLOSENESS,
        minutes=45,
        purpose=_("Get to know each other a little more, one round at a time."),
        roles=_("Take turns asking and answering; both answer every question."),
        steps=(
            _(
                "Round one, light: What would a perfect ordinary Saturday look "
                "like for you? What did you love doing at ten years old?"
            ),
            _(
                "Round two, personal: What are you proud of that few people know? "
                "What do you wish you had more time for?"
            ),
            _(
                "Round three, closer: When do you feel most at home with me? "
                "What is something you find hard to ask me for?"
            ),
            _(
                "Both answer each question before moving on. Either of you can "
                "pass on any question, no reason needed."
            ),
        ),
        if_hard=_(
            "You can stop after any round. If a question touches something "
            "painful, thank each other and end there; the rest will keep for "
            "another evening."
        ),
        apart=_("Do it on a video call, with the questions open on both screens."),
        sources=("aron",),
    ),
    Exercise(
        slug="two-minute-check-in",
        title=_("Two-minute check-in"),
        theme=Theme.CLOSENESS,
        minutes=5,
        purpose=_("A daily touchpoint so small it's easy to keep."),
        roles=_("Both answer the same two questions."),
        steps=(
            _("Each answers: How close do I feel to you today, from 1 to 5?"),
            _("And: One thing I'd like from you today is…"),
            _("Listen; no need to discuss. Do it again tomorrow if it helped."),
        ),
        if_hard=_(
            "If a low number worries you, ask gently whether they'd like to "
            "talk later; they can say no. One low day is not a verdict on the "
            "two of you."
        ),
        apart=_("Send your answers by message, at a time that suits you both."),
        for_apart=True,
        sources=("checkins",),
    ),
    Exercise(
        slug="a-photo-and-a-feeling",
        title=_("A photo and a feeling"),
        theme=Theme.CLOSENESS,
        minutes=5,
        purpose=_("Share a piece of your day when you can't share the day."),
        roles=_("Each sends one photo; each answers the other's."),
        steps=(
            _(
                "Each takes one photo of something from their day: a view, a "
                "meal, a mess on the desk. It doesn't need to be pretty."
            ),
            _("Send it with one line about how that moment felt."),
            _(
                "Reply to the other's with a question about it, not only a "
                "heart: “What made it feel like that?”"
            ),
        ),
        if_hard=_(
            "If a photo is left without a reply for a while, assume a busy day "
            "rather than a slight, and say so kindly if it matters to you. Skip "
            "days whenever you like; there is no streak."
        ),
        apart=_(
            "Made for being apart: send it whenever your day allows, and answer "
            "when theirs does."
        ),
        for_apart=True,
        sources=("responsiveness",),
    ),
    Exercise(
        slug="walk-me-through-your-day",
        title=_("Walk me through your day"),
        theme=Theme.CLOSENESS,
        minutes=15,
        purpose=_(
            "Help each other picture the everyday life you live apart: the "
            "places, the people, the small moments."
        ),
        roles=_("One walks through an ordinary day; the other asks and pictures it."),
        steps=(
            _(
                "One describes an ordinary day from waking to sleep: where they "
                "are, who they see, what the best and the hardest moments tend "
                "to be."
            ),
            _(
                "The listener asks about the people and places, so they can "
                "picture them next time they're mentioned."
            ),
            _(
                "The listener says back one moment they can now picture, and "
                "how they imagine it feels."
            ),
            _("Swap, now or another day."),
        ),
        if_hard=_(
            "If it turns into comparing whose day is harder, stop and go back "
            "to listening. It's fine to do just one person's day and keep the "
            "other's for next time."
        ),
        apart=_(
            "Made for long distance and for different shifts: do it on a call, "
            "or in voice messages over a few days."
        ),
        for_apart=True,
        sources=("responsiveness",),
    ),
    Exercise(
        slug="a-letter-slowly",
        title=_("A letter, slowly"),
        theme=Theme.CLOSENESS,
        minutes=30,
        timing=_("30 minutes to write, then a talk when you've both read"),
        purpose=_("Say in writing something you find hard to say out loud."),
        roles=_(
            "Each writes a letter alone; each reads the other's alone; then you talk."
        ),
        steps=(
            _(
                "Each writes a letter to the other, on paper or as a long "
                "message. Three parts are enough: something you've never quite "
                "told them, something you're grateful for, something you hope "
                "for."
            ),
            _("Exchange your letters, and read the one you receive on your own."),
            _(
                "Later, together or on a call, each names one line from the "
                "other's letter that moved them, and why."
            ),
        ),
        if_hard=_(
            "Keep hard news and complaints out of the letter: those belong in a "
            "conversation. If something in a letter still hurts, say so simply "
            "and ask for a time to talk it through."
        ),
        apart=_(
            "A letter that arrives by post is a small event when you live "
            "apart; a long message works too."
        ),
        for_apart=True,
        sources=("aron", "responsiveness"),
    ),
    Exercise(
        slug="hello-and-goodbye",
        title=_("Hello and goodbye, on purpose"),
        theme=Theme.CLOSENESS,
        minutes=2,
        timing=_("A minute or two a day, for a week"),
        purpose=_("Make the moments you part and meet again count."),
        roles=_("Both, every time one of you leaves or comes back."),
        steps=(
            _(
                "For a week, when one of you leaves or comes home, stop what "
                "you're doing for a moment: look up, say hello or goodbye "
                "properly, a hug or a touch if you both like that."
            ),
            _("At the hello, ask one real question about the other's day."),
            _(
                "At the end of the week, talk for a few minutes about whether it "
                "changed anything, and what you'd like to keep."
            ),
        ),
        if_hard=_(
            "If one of you needs a few quiet minutes after coming home, say "
            "so: a warm hello can be short and the question can come later."
        ),
        apart=_(
            "Make the first and last message of your day the hello and the "
            "goodbye: a little more than “morning”, and one real question."
        ),
        sources=("bids",),
    ),
    # Listening.
    Exercise(
        slug="mirror-then-swap",
        title=_("Mirror, then swap"),
        theme=Theme.LISTENING,
        minutes=20,
        purpose=_("Practise listening so the other feels understood."),
        roles=_("One speaks, one mirrors; then you swap roles."),
        steps=(
            _(
                "The speaker says, in a few sentences, something that matters to "
                "them right now. Start with something mild."
            ),
            _(
                "The listener repeats it back in their own words, without "
                "judging, and asks “Is there more?” until the speaker says no."
            ),
            _(
                "The listener says why it makes sense: “That makes sense, "
                "because…”. Making sense isn't the same as agreeing."
            ),
            _(
                "The listener guesses the feeling (“I imagine you feel…”) and "
                "checks the guess."
            ),
            _("Swap roles. The guided dialogue in Troth walks you through this."),
        ),
        if_hard=_(
            "If the listener starts to argue, or the speaker feels unheard, "
            "either of you can call a pause. Come back when you're both calm, "
            "with a lighter topic. If talking safely is hard for you, a couples "
            "therapist can help."
        ),
        apart=_(
            "It works on a video call; go slowly, since interruptions come "
            "easier on a call."
        ),
        sources=("dialogue",),
    ),
    Exercise(
        slug="listen-dont-fix",
        title=_("Listen, don't fix"),
        theme=Theme.LISTENING,
        minutes=10,
        purpose=_(
            "Support each other with a worry from outside the relationship, "
            "the way the one worrying wants."
        ),
        roles=_(
            "One talks about a worry; the other listens, then asks what would help."
        ),
        steps=(
            _(
                "The one with the worry talks for about five minutes about "
                "something weighing on them outside the two of you: work, "
                "family, health, a friend."
            ),
            _(
                "The listener only listens and asks questions. No advice, no "
                "“at least…”, no story of their own."
            ),
            _(
                "At the end the listener asks: “Would you like ideas, some help, "
                "or just to have been heard?” and does what the answer says."
            ),
            _("Swap another day, when the other has something on their mind."),
        ),
        if_hard=_(
            "If the worry turns out to be about the two of you, pause and save "
            "it for a time meant for that. If the listener can't help giving "
            "advice, laugh about it and start again."
        ),
        apart=_("It works well on a call, even a short one on a break."),
        sources=("responsiveness",),
    ),
    Exercise(
        slug="three-sentences-mirrored",
        title=_("Three sentences, mirrored"),
        theme=Theme.LISTENING,
        minutes=5,
        purpose=_("A quick way to feel heard on a busy day."),
        roles=_("One says three sentences, the other says them back; then swap."),
        steps=(
            _("The speaker says three sentences about what's on their mind today."),
            _(
                "The listener says them back in their own words and asks “Did I "
                "get it?”"
            ),
            _(
                "If not, the speaker says what was missing, and the listener tries again."
            ),
            _("Swap."),
        ),
        if_hard=_(
            "If three sentences open up something big, stop after the mirror "
            "and plan a longer talk, for example with the guided dialogue."
        ),
        apart=_("Do it in a quick call, or in voice messages."),
        sources=("dialogue",),
    ),
    # Disagreements.
    Exercise(
        slug="gentle-start",
        title=_("A gentle start, rehearsed"),
        theme=Theme.CONFLICT,
        minutes=15,
        purpose=_("Practise raising a complaint without it becoming an attack."),
        roles=_("Each writes and reads a complaint; the other says what they heard."),
        steps=(
            _("Each picks a small, recurring irritation."),
            _(
                "Write it as “I feel … about … and I need …”. About the "
                "situation, not about the other's character; no “always” or "
                "“never”."
            ),
            _("Read it aloud. The other only says back what they heard."),
            _("Swap. Notice how different it feels from how these usually come out."),
        ),
        if_hard=_(
            "If a sentence still comes out sharp, that's normal: the one who "
            "said it can try again. If it grows into an argument, use your "
            "pause plan and come back after at least 20 minutes."
        ),
        apart=_("Write your sentences alone, then read them on a call."),
        sources=("patterns",),
        tender=True,
    ),
    Exercise(
        slug="my-part",
        title=_("My part"),
        theme=Theme.CONFLICT,
        minutes=10,
        purpose=_("Take the heat out of old arguments by owning a piece of them."),
        roles=_("Each names their own part; the other just listens."),
        steps=(
            _("Think of a recent small disagreement that has cooled down."),
            _(
                "Each names one part of it that was theirs: “My part was that "
                "I …”. No “but” afterwards."
            ),
            _("The other says “Thank you” and nothing else."),
        ),
        if_hard=_(
            "If naming your part makes the other pile on (“exactly, and "
            "also…”), stop: the deal was “thank you” and nothing else. Try "
            "again another day with a smaller disagreement."
        ),
        apart=_("It works on a call."),
        sources=("patterns",),
        tender=True,
    ),
    Exercise(
        slug="pause-plan",
        title=_("Our pause plan"),
        theme=Theme.CONFLICT,
        minutes=15,
        purpose=_("Agree, while calm, how to take a break when a row gets too hot."),
        roles=_("You agree on the plan together."),
        steps=(
            _(
                "Agree on a word or sign that means “I need a break”, from either of you."
            ),
            _(
                "Agree that a break lasts at least 20 minutes and that whoever "
                "asks for it says when they'll come back."
            ),
            _(
                "Each says what calms them (a walk, music, a shower) and where "
                "they'll go. Not replaying the argument is part of it."
            ),
            _("Agree how you'll restart: for example, the one who paused starts."),
        ),
        if_hard=_(
            "If you can't agree on the whole plan, agree on one part (the word "
            "for a break) and finish the rest another day."
        ),
        apart=_(
            "Agree how a pause works on a call or by message too: the same "
            "word, and a time when you'll pick up again."
        ),
        sources=("patterns",),
        tender=True,
    ),
    Exercise(
        slug="one-thing-at-a-time",
        title=_("One thing at a time"),
        theme=Theme.CONFLICT,
        minutes=30,
        purpose=_(
            "Talk through one disagreement without it spreading to everything else."
        ),
        roles=_(
            "Each speaks in turn and the other mirrors; then you look for one step together."
        ),
        steps=(
            _(
                "Agree, in one sentence, which disagreement you are talking "
                "about, and that it is the only one for today."
            ),
            _("Decide who speaks first; tossing a coin is fine."),
            _(
                "The speaker has about three minutes, starting gently: “I feel "
                "… about … and I need …”. The listener says back what they heard "
                "and what makes sense in it."
            ),
            _("Swap, so both have been heard before anyone suggests a solution."),
            _(
                "Each suggests one small thing they could try. Pick one to try "
                "for a week, and agree when you'll talk about how it went."
            ),
        ),
        if_hard=_(
            "If either of you feels flooded or another old issue comes in, use "
            "your pause word, take at least 20 minutes apart, and say when "
            "you'll come back. If the same disagreement keeps returning, a "
            "couples therapist can help you with it."
        ),
        apart=_(
            "Do it on a video call, never by message, at a time when neither "
            "of you is about to start a shift or go to sleep."
        ),
        sources=("dialogue", "patterns"),
        tender=True,
    ),
    Exercise(
        slug="understand-first-solve-later",
        title=_("Understand first, solve later"),
        theme=Theme.CONFLICT,
        minutes=20,
        timing=_("Two talks of about 20 minutes, a day or more apart"),
        purpose=_(
            "For a disagreement that keeps coming back: understand what it "
            "means to each of you before trying to fix it."
        ),
        roles=_("Both explain and both listen; solutions wait for the second talk."),
        steps=(
            _(
                "First talk: each explains what this issue means to them: what "
                "they worry about, what they hope for, what it touches from "
                "their past or their family."
            ),
            _(
                "The other mirrors and says what makes sense. No solutions in "
                "this talk, not even good ones."
            ),
            _("Let a day or more go by."),
            _(
                "Second talk: each says what they could give on, and what they "
                "can't. Look for a first step small enough for both of you."
            ),
        ),
        if_hard=_(
            "If the first talk slides into solving or winning, stop and "
            "reschedule it. Some differences stay with a couple for good; "
            "understanding them is the aim, not making them vanish. A couples "
            "therapist can help with one that keeps hurting."
        ),
        apart=_("Both talks work on a video call; keep the day in between."),
        sources=("dialogue", "responsiveness"),
        tender=True,
    ),
    Exercise(
        slug="disagreeing-at-a-distance",
        title=_("Disagreeing at a distance"),
        theme=Theme.CONFLICT,
        minutes=15,
        purpose=_(
            "Agree how you'll handle disagreements when you're not in the same place."
        ),
        roles=_("You agree the ground rules together, while calm."),
        steps=(
            _(
                "Agree which topics move from messages to a call: anything "
                "where feelings run high, or where a message could be misread."
            ),
            _(
                "Agree on times you won't start a hard topic: just before a "
                "shift, late at night in either time zone, while one of you is "
                "travelling."
            ),
            _(
                "Agree how to pause by message: your pause word, and “I'll call "
                "you at …”. Then keep that time."
            ),
            _("Agree to end even a hard call with something warm."),
        ),
        if_hard=_(
            "If a disagreement flares up by message anyway, the first one to "
            "notice writes the pause word and a time to talk. Nothing more "
            "needs to be said in writing until then."
        ),
        apart=_("Made for couples apart; agree it on a call."),
        for_apart=True,
        sources=("patterns",),
        tender=True,
    ),
    Exercise(
        slug="looking-back-together",
        title=_("Looking back, together"),
        theme=Theme.CONFLICT,
        minutes=20,
        purpose=_("Learn from a recent disagreement once you've both cooled down."),
        roles=_(
            "Each in turn tells their side; the other listens and says what makes sense."
        ),
        steps=(
            _("Wait at least a day after the disagreement, until you both feel calm."),
            _(
                "Each in turn says: what I felt, what I think set me off, and "
                "what I wish I'd said instead."
            ),
            _(
                "The other listens and says “That makes sense, because…”. "
                "Nobody corrects the other's account."
            ),
            _(
                "Each names one part that was theirs, and one thing they'd like "
                "to try next time."
            ),
        ),
        if_hard=_(
            "This is not the time to argue the point again. If it starts to "
            "reignite, stop, and agree to look back another day or with help. "
            "You can note what you learned in Disagreements in Troth."
        ),
        apart=_("It works on a video call."),
        sources=("patterns", "dialogue"),
        tender=True,
    ),
    # Making amends.
    Exercise(
        slug="heard-before-sorry",
        title=_("Heard before sorry"),
        theme=Theme.REPAIR,
        minutes=20,
        purpose=_("Make sure the hurt is understood before any apology."),
        roles=_("The hurt partner tells; the other summarises, then apologises."),
        steps=(
            _("Pick a small hurt that you both think is safe to talk about."),
            _("The one who was hurt says what happened for them and how it felt."),
            _(
                "The other summarises what they heard, and asks “Did I get it?”, "
                "until the answer is yes."
            ),
            _(
                "Only then may they apologise. Explanations, if any, come after "
                "the apology, not before."
            ),
        ),
        if_hard=_(
            "If either of you feels flooded, take a break of at least 20 "
            "minutes and say when you'll come back. If the hurt is bigger than "
            "you thought, leave it for Troth's repair path or a couples "
            "therapist."
        ),
        sources=("heard",),
        tender=True,
    ),
    Exercise(
        slug="complete-apology",
        title=_("A complete apology, practised"),
        theme=Theme.REPAIR,
        minutes=20,
        purpose=_("Practise an apology with all its parts, on something small."),
        roles=_("One apologises; the other says what landed."),
        steps=(
            _(
                "Choose a small, old hurt that both of you consider settled. "
                "Practising on something raw is not the idea."
            ),
            _(
                "The one apologising starts with responsibility: “I did …, and "
                "that was mine.”"
            ),
            _(
                "Then regret, a short explanation without excuses, and what you'll do differently."
            ),
            _("Then an offer to put it right: “Can I …?”"),
            _(
                "The listener says which part landed most. Swap if there's "
                "something for the other to practise too."
            ),
        ),
        if_hard=_(
            "If the old hurt turns out not to be settled, stop practising. "
            "Thank each other and come back to it later as a real "
            "conversation; don't push through."
        ),
        apart=_("It works on a call; choose a time with nothing rushed after it."),
        sources=("apology",),
        tender=True,
    ),
    Exercise(
        slug="our-ways-back",
        title=_("Our ways back"),
        theme=Theme.REPAIR,
        minutes=15,
        purpose=_("Know what helps each of you come back together after a row."),
        roles=_("Each writes their own list; you agree on a signal together."),
        steps=(
            _(
                "Each writes three things that help them soften after a "
                "disagreement: a joke, a hand on the shoulder, a cup of tea, "
                "“can we start again?”, or time alone first."
            ),
            _(
                "Read your lists to each other and ask about anything that surprises you."
            ),
            _(
                "Agree on one signal either of you can use to say “I want us to "
                "be all right again”."
            ),
            _("Keep both lists somewhere you'll both find them."),
        ),
        if_hard=_(
            "If one list makes the other feel blamed (“you never do any of "
            "these”), stop and read the lists as wishes for later, not as a "
            "record. Try again on a calmer day."
        ),
        apart=_(
            "Include ways back that work at a distance: a voice note, a "
            "photo, a call to say goodnight even after a hard day."
        ),
        sources=("patterns", "bids"),
        tender=True,
    ),
    Exercise(
        slug="when-you-were-both-hurt",
        title=_("When you were both hurt"),
        theme=Theme.REPAIR,
        minutes=30,
        purpose=_(
            "Repair after a moment where each of you felt let down, without "
            "arguing over whose hurt comes first."
        ),
        roles=_("Each tells and each listens, in turn; then each owns their part."),
        steps=(
            _(
                "Agree who tells first: whoever feels more ready, or toss a "
                "coin. Going first or second says nothing about who was right."
            ),
            _(
                "The teller says what happened for them and how it felt. The "
                "listener sums up until the teller says “yes, that's it”, "
                "without defending."
            ),
            _("Swap."),
            _(
                "If you're ready, each owns their part and says sorry for it. "
                "If not yet, say so; it can come later."
            ),
            _("Each says one thing they'd like from the other this week."),
        ),
        if_hard=_(
            "If the telling turns into a debate about the facts, stop: you can "
            "remember it differently and still both be hurt. Take a break of "
            "at least 20 minutes, and come back to the turn you were on. A "
            "couples therapist can help if you keep getting stuck."
        ),
        apart=_("Do it on a video call with time to spare, never by message."),
        sources=("heard", "apology"),
        tender=True,
    ),
    Exercise(
        slug="not-ready-yet",
        title=_("Not ready yet"),
        theme=Theme.REPAIR,
        minutes=5,
        purpose=_(
            "Let the one who is hurting set the pace, without silence becoming a wall."
        ),
        roles=_("Whoever needs time says so and names a time; the other waits."),
        steps=(
            _(
                "Whoever is hurting and not ready to talk says so: “I'm not "
                "ready to talk about it yet, and I will be.”"
            ),
            _("They name when they'll check in: tonight, tomorrow, after the weekend."),
            _("The other says “All right” and doesn't push."),
            _(
                "At that time, the one who asked for time comes back, even if "
                "only to say “I need a bit longer”."
            ),
        ),
        if_hard=_(
            "If waiting feels unbearable, the one waiting can write down what "
            "they want to say and keep it for later. If check-ins keep being "
            "put off, a couples therapist can help you find a way to talk."
        ),
        apart=_("A message is fine for this one: short, kind, with a time."),
        sources=("pace", "patterns"),
        tender=True,
    ),
    Exercise(
        slug="what-would-help",
        title=_("What would help put it right"),
        theme=Theme.REPAIR,
        minutes=20,
        purpose=_("After an apology, turn the words into something done."),
        roles=_(
            "The one who was hurt names what would help; the other says what they can do."
        ),
        steps=(
            _(
                "Do this only after the hurt has been heard and an apology "
                "given, perhaps with “Heard before sorry”."
            ),
            _(
                "The one who was hurt names one or two concrete things that "
                "would help: something to do, to stop doing, or to do together."
            ),
            _(
                "The one who apologised says which they can do, and by when. "
                "Promise only what you can keep."
            ),
            _(
                "If you like, make it a promise in Troth, and agree when you'll "
                "check in on how it's going."
            ),
        ),
        if_hard=_(
            "If what is asked feels impossible, say so honestly and offer what "
            "you can: an honest “not that, but this” is better than a promise "
            "that breaks. Nobody is asked to forgive in return."
        ),
        apart=_("Do it on a call, and put what you agree in writing afterwards."),
        sources=("apology", "rempel"),
        tender=True,
    ),
    Exercise(
        slug="how-are-we-now",
        title=_("How are we now?"),
        theme=Theme.REPAIR,
        minutes=15,
        timing=_("15 minutes, a week or more after a repair talk"),
        purpose=_("Check gently how things are after a hurt you've talked through."),
        roles=_("Each answers the same questions; the other listens and thanks."),
        steps=(
            _("Each answers: What has helped since we talked?"),
            _("Is there anything I still steer around, or feel wary of?"),
            _("What would make it easier from here?"),
            _(
                "The other only listens and says thank you. Nobody is asked to "
                "forgive, now or later."
            ),
        ),
        if_hard=_(
            "If it's clear the hurt is still raw, that is useful to know, not a "
            "failure. Stop, agree to give it more time, and come back to it in "
            "a few weeks, or with a couples therapist."
        ),
        apart=_("It works on a call."),
        sources=("forgiveness", "heard"),
        tender=True,
    ),
    Exercise(
        slug="mending-at-a-distance",
        title=_("Mending at a distance"),
        theme=Theme.REPAIR,
        minutes=20,
        purpose=_(
            "Repair a hurt that happened while you were apart, without doing it all by message."
        ),
        roles=_(
            "The one who was hurt tells first; the other sums up, then apologises."
        ),
        steps=(
            _(
                "By message, agree only on a time to talk: “I'd like to talk "
                "about yesterday. Can we call at …?”"
            ),
            _(
                "On the call, with video if you can, the one who was hurt tells "
                "first. The other sums up until they hear “yes, that's it”."
            ),
            _(
                "Then the apology: what was yours, that you're sorry, and what "
                "you'll do differently. If you were both hurt, swap."
            ),
            _(
                "Before you hang up, agree on a small sign of care for the next "
                "day: a morning message, a voice note, a song."
            ),
        ),
        if_hard=_(
            "If the call gets heated, say your pause word and a time to call "
            "back, and hang up kindly. Don't carry on by message in the "
            "meantime."
        ),
        apart=_("Made for couples apart."),
        for_apart=True,
        sources=("heard", "apology"),
        tender=True,
    ),
    Exercise(
        slug="rebuilding-step-by-step",
        title=_("Rebuilding, one kept step at a time"),
        theme=Theme.REPAIR,
        minutes=30,
        timing=_("30 minutes to agree, then a check-in every week or two"),
        purpose=_(
            "After a serious breach, rebuild trust through small commitments "
            "that can be seen to be kept."
        ),
        roles=_(
            "Whoever broke the trust offers commitments; the one who was hurt "
            "chooses and sets the pace. Sometimes each of you is in both roles."
        ),
        steps=(
            _(
                "Do this only after the hurt has been told and heard; Troth's "
                "repair path walks you through that part."
            ),
            _(
                "Whoever broke the trust offers a few small commitments the "
                "other can see kept: arriving when you said, answering questions "
                "straight, a weekly talk."
            ),
            _(
                "The one who was hurt says which would help, and can ask for "
                "others. Keep only those you can truly keep."
            ),
            _(
                "Check in together every week or two. The one who was hurt sets "
                "the pace and can slow it; nobody is asked to forgive."
            ),
        ),
        if_hard=_(
            "Rebuilding after a serious breach is hard, and many couples do it "
            "with a couples therapist; it's a good idea. If a check-in turns "
            "into a trial, stop and come back another day."
        ),
        apart=_(
            "Agree on commitments that can be seen from afar too, and check in on a call."
        ),
        sources=("pace", "rempel"),
        tender=True,
    ),
    # Appreciation.
    Exercise(
        slug="appreciation-week",
        title=_("A week of appreciation"),
        theme=Theme.APPRECIATION,
        minutes=5,
        timing=_("A few minutes a day for a week"),
        purpose=_("Make noticing the good a habit."),
        roles=_("Both, every day."),
        steps=(
            _(
                "Every day for a week, each tells the other one specific thing "
                "they appreciated that day."
            ),
            _(
                "Make it specific: not “you're great” but “thank you for waiting up for me”."
            ),
            _("Just receive it: say thank you, don't wave it away."),
        ),
        if_hard=_(
            "If you miss a day, carry on the next; there is no streak to keep. "
            "If it starts to feel forced, make it every other day."
        ),
        apart=_("Send it by message or voice note, once a day."),
        sources=("patterns",),
    ),
    Exercise(
        slug="noticing-reaches",
        title=_("Noticing reaches"),
        theme=Theme.APPRECIATION,
        minutes=10,
        timing=_("A day of noticing, then 10 minutes together"),
        purpose=_(
            "See the small ways you reach for each other, and answer more of them."
        ),
        roles=_("Each notices through the day; you compare in the evening."),
        steps=(
            _(
                "For one day, each of you notices the small moments the other "
                "reached for you: a remark, a joke, a touch, a “look at this”."
            ),
            _(
                "Notice how you answered: turned towards it, missed it, or brushed it off."
            ),
            _(
                "In the evening, share one reach you answered well and one you "
                "missed. No scoring; nobody keeps count."
            ),
        ),
        if_hard=_(
            "If hearing about a missed reach stings, remember this is about "
            "noticing, not blame. Say “thanks for telling me” and leave it "
            "there for today."
        ),
        apart=_("Reaches happen by message too: a link, a photo, a “guess what”."),
        sources=("bids",),
    ),
    Exercise(
        slug="what-i-admire",
        title=_("What I admire in you"),
        theme=Theme.APPRECIATION,
        minutes=10,
        purpose=_("Name the qualities you value in each other, not only the deeds."),
        roles=_("Each writes alone, then reads to the other."),
        steps=(
            _(
                "Each writes three qualities they admire in the other: their "
                "patience, their humour, the way they look after people."
            ),
            _("For each, add one moment when you saw it."),
            _(
                "Read your list aloud. The one hearing it just takes it in: no "
                "“oh, not really”."
            ),
        ),
        if_hard=_(
            "If it feels awkward, that's common: keep it short and try one "
            "quality each. If either of you can't find words today, try "
            "another day; that is not a sign of anything."
        ),
        apart=_("Read them to each other on a call, or send them as a letter."),
        sources=("patterns",),
    ),
    Exercise(
        slug="a-note-to-find",
        title=_("A note to find"),
        theme=Theme.APPRECIATION,
        minutes=5,
        purpose=_("Leave a small surprise of thanks."),
        roles=_("One writes and hides a note; the other finds it. Swap another day."),
        steps=(
            _("Write a short note thanking the other for one specific thing."),
            _(
                "Leave it where they'll find it: a coat pocket, a book, the "
                "fridge, their lunch."
            ),
            _("Don't mention it. Let them find it in their own time."),
        ),
        if_hard=_(
            "If the note goes unnoticed for days, that's fine; it will turn up. "
            "If the other isn't one for notes, ask what kind of small thank-you "
            "they'd enjoy instead."
        ),
        apart=_(
            "Send a card by post, or schedule a message to arrive when they wake up."
        ),
        sources=("patterns",),
    ),
    Exercise(
        slug="seeing-the-unseen-work",
        title=_("Seeing the unseen work"),
        theme=Theme.APPRECIATION,
        minutes=20,
        purpose=_(
            "Notice and thank the things each of you does that are easy to miss."
        ),
        roles=_("Each writes a list; the other reads it and says thank you."),
        steps=(
            _(
                "Each lists the things they do for your life together that may "
                "go unseen: remembering birthdays, keeping in touch with "
                "family, paperwork, planning meals, caring for someone."
            ),
            _("Swap lists and read the other's."),
            _(
                "Each thanks the other for three things on their list, "
                "especially ones they hadn't noticed."
            ),
        ),
        if_hard=_(
            "If reading the lists turns into comparing who does more, stop: "
            "that is a different conversation. If something looks like too "
            "much for one person, note it for “Sharing the load” another day."
        ),
        apart=_("Share the lists by message, and say the thank-yous on a call."),
        sources=("patterns", "larzelere"),
    ),
    Exercise(
        slug="how-we-would-tell-it",
        title=_("How we'd tell it"),
        theme=Theme.APPRECIATION,
        minutes=20,
        purpose=_("Remember together what drew you to each other."),
        roles=_("Take turns telling; the other adds what they remember."),
        steps=(
            _(
                "Each thinks of a moment early in your life together that they "
                "still think of fondly, however you came together."
            ),
            _(
                "One tells it: where you were, what you noticed about the other, "
                "how it felt."
            ),
            _("The other adds what they remember of the same time."),
            _(
                "Swap. Then name together one thing from back then you'd like "
                "more of now."
            ),
        ),
        if_hard=_(
            "If those early days were hard, or hold memories that hurt, choose "
            "any moment you both like instead, recent or old. It's fine to stop "
            "after one story."
        ),
        apart=_("It works well on a video call, with old photos on screen."),
        sources=("patterns", "warmth"),
    ),
    # Play.
    Exercise(
        slug="would-you-rather-about-us",
        title=_("Would you rather, about us"),
        theme=Theme.PLAY,
        minutes=15,
        purpose=_("Laugh together and learn small things about each other."),
        roles=_("Each writes questions; you take turns asking and guessing."),
        steps=(
            _(
                "Each writes five light “would you rather” questions about "
                "everyday life: “Would you rather only eat breakfast food for a "
                "week, or never have a lie-in again?”"
            ),
            _(
                "Take turns asking. Before the other answers, the one asking "
                "guesses what they'll say."
            ),
            _(
                "Answer, and give the reason in a sentence. Laugh at wrong guesses, kindly."
            ),
        ),
        if_hard=_(
            "Keep it light: leave out questions about the relationship, "
            "former partners or anything tender. If a question lands badly, "
            "skip it and move to the next."
        ),
        apart=_("Play on a call, or send one question a day by message."),
        sources=("warmth", "aron"),
    ),
    Exercise(
        slug="teach-me-something",
        title=_("Teach me something"),
        theme=Theme.PLAY,
        minutes=20,
        purpose=_("Take turns being the expert, and enjoy being a beginner."),
        roles=_("Each teaches the other a small skill for ten minutes."),
        steps=(
            _(
                "Each picks something small to teach: a card trick, a phrase in "
                "another language, a dance step, a dish, a knot, a song on an "
                "instrument."
            ),
            _(
                "The teacher has ten minutes. The learner has a go with good "
                "humour; nobody mocks the teacher or the learner."
            ),
            _("Swap."),
            _("Afterwards, each shows off what they learned once more."),
        ),
        if_hard=_(
            "If one of you gets frustrated, stop and laugh about it; the point "
            "is the time together, not the skill. Try something easier next "
            "time."
        ),
        apart=_(
            "It works on a video call; set the camera so the other can see your hands."
        ),
        sources=("warmth", "bids"),
    ),
    Exercise(
        slug="watching-together-apart",
        title=_("Watching together, apart"),
        theme=Theme.PLAY,
        minutes=90,
        purpose=_("Share an evening in when you're in different places."),
        roles=_("You choose together, start together, and talk about it after."),
        steps=(
            _(
                "Choose together: a film, an episode, a match, an album, a "
                "cooking show to cook along with."
            ),
            _("Start at the same moment on a call: “Three, two, one, play.”"),
            _("Keep the call open, or message each other during it."),
            _("Afterwards, each says one moment they liked, and why."),
        ),
        if_hard=_(
            "If the connection or the time difference gets in the way, switch "
            "to something short, or each watch alone and talk about it the "
            "next day. Laughing at the glitches counts too."
        ),
        apart=_("Made for couples apart."),
        for_apart=True,
        sources=("bids",),
    ),
    Exercise(
        slug="remember-when",
        title=_("Remember when…"),
        theme=Theme.PLAY,
        minutes=10,
        purpose=_("Laugh about shared moments, old and new."),
        roles=_("Take turns starting a memory; the other adds to it."),
        steps=(
            _(
                "One starts a sentence with “Remember when…” about a funny or "
                "sweet moment you shared."
            ),
            _("The other adds a detail they remember. Let the story grow."),
            _("Swap. Five rounds each, or until you're laughing too much to go on."),
        ),
        if_hard=_(
            "If a memory turns out to be painful for one of you, say so and "
            "pick another; nobody has to explain. Keep to the ones you both "
            "enjoy."
        ),
        apart=_("It works on a call or in messages across a day."),
        sources=("warmth",),
    ),
    Exercise(
        slug="a-ritual-of-our-own",
        title=_("A tiny ritual of our own"),
        theme=Theme.PLAY,
        minutes=10,
        timing=_("10 minutes to invent, then two weeks of using it"),
        purpose=_("Invent something small and silly that belongs to the two of you."),
        roles=_("You invent it together and both use it."),
        steps=(
            _(
                "Think up a few ideas: a goodnight phrase, a handshake, a song "
                "for Sunday mornings, a word that means “thinking of you”."
            ),
            _("Pick one you both like."),
            _("Use it for two weeks."),
            _("Then decide: keep it, change it, or invent a new one."),
        ),
        if_hard=_(
            "If it feels silly, that's rather the point; but if one of you "
            "really doesn't enjoy it, drop it without fuss and try another "
            "idea."
        ),
        apart=_(
            "Choose one that travels: a word, an emoji, a goodnight message at "
            "the same time."
        ),
        sources=("bids", "rempel"),
    ),
    Exercise(
        slug="on-the-same-side",
        title=_("On the same side"),
        theme=Theme.PLAY,
        minutes=45,
        purpose=_("Play a game where you win or lose together."),
        roles=_("You choose a game together and play as a team."),
        steps=(
            _(
                "Pick something where you're on the same team: a puzzle, a "
                "cooperative board or video game, a crossword, a quiz against "
                "the television."
            ),
            _("Agree on a small prize for finishing, win or lose: a treat, a walk."),
            _("Play. Cheer each other's good moves out loud."),
            _("Afterwards, each says one moment they enjoyed most."),
        ),
        if_hard=_(
            "If one of you starts taking charge or getting frustrated, call a "
            "snack break and swap who leads. Stop whenever it stops being fun."
        ),
        apart=_("Many puzzles, quizzes and games work on a video call."),
        sources=("warmth", "bids"),
    ),
    # Planning together.
    Exercise(
        slug="five-years-from-now",
        title=_("Five years from now"),
        theme=Theme.FUTURE,
        minutes=30,
        purpose=_("Find the hopes you share for your life together."),
        roles=_("Each writes alone; then you read and compare."),
        steps=(
            _(
                "Each writes a short paragraph: an ordinary day for the two of "
                "you, five years from now."
            ),
            _("Read them to each other."),
            _("Find three things that appear in both, and one surprise."),
            _("If one of them calls for a first step, plan it as a goal in Troth."),
        ),
        if_hard=_(
            "If your pictures differ on something big (where to live, children, "
            "work), don't try to settle it tonight. Note it, and plan a "
            "separate time to talk about it, with help if you'd like."
        ),
        apart=_("Write alone, then read them aloud on a call."),
        sources=("rempel",),
    ),
    Exercise(
        slug="something-new",
        title=_("Something new together"),
        theme=Theme.FUTURE,
        minutes=30,
        purpose=_("Plan a small first: something neither of you has done."),
        roles=_("You brainstorm together; then each takes a task."),
        steps=(
            _(
                "Together, list ten small things neither of you has done. Be quick; no judging."
            ),
            _("Each crosses out two; pick one from what's left."),
            _("Set a date and split the tasks."),
            _(
                "Plan it with “Plan an adventure together” so it lands on your calendar."
            ),
        ),
        if_hard=_(
            "If you can't agree on one, each picks one and you do both, one "
            "after the other. If planning turns into a tussle about money or "
            "time, make it smaller: a first can be tiny."
        ),
        apart=_(
            "Pick a first you can share from afar: cooking the same new recipe "
            "on a video call, or starting the same book."
        ),
        sources=("rempel",),
    ),
    Exercise(
        slug="the-week-ahead",
        title=_("The week ahead"),
        theme=Theme.FUTURE,
        minutes=15,
        timing=_("15 minutes, once a week"),
        purpose=_("Start each week knowing what the other is carrying."),
        roles=_("Each goes through their week; then you plan the shared parts."),
        steps=(
            _(
                "Each looks at their coming week and says: the busiest day, one "
                "thing I'm worried about, one thing I'm looking forward to."
            ),
            _("Each says where they could use help, and what they can offer."),
            _("Put your time together, even a short one, in the calendar."),
        ),
        if_hard=_(
            "If the week looks overwhelming for one of you, don't solve it all "
            "now: agree on one thing that would lighten it, and leave the rest. "
            "On a bad week, just naming the busiest day is enough."
        ),
        apart=_("Do it on a call at the start of your week, in whichever time zone."),
        sources=("rempel",),
    ),
    Exercise(
        slug="finding-our-overlaps",
        title=_("Finding our overlaps"),
        theme=Theme.FUTURE,
        minutes=20,
        purpose=_(
            "When you work different hours, find the time you do share and look after it."
        ),
        roles=_("You lay out both schedules and choose together."),
        steps=(
            _(
                "Put both rotas or schedules side by side for the next two to "
                "four weeks."
            ),
            _("Mark every time you're both awake and free, even 20 minutes."),
            _("Choose one or two to protect, and put them in your shared calendar."),
            _(
                "Agree what you'll do when the overlap is tiny: a call on a "
                "break, breakfast as one comes home and the other gets up."
            ),
        ),
        if_hard=_(
            "If there seems to be almost no overlap, that is hard, and saying "
            "so together helps. Start with one protected slot a week and look "
            "again next month."
        ),
        apart=_(
            "Made for shift work and time zones: share your schedules on a "
            "call or in the calendar."
        ),
        for_apart=True,
        sources=("rempel",),
    ),
    Exercise(
        slug="until-next-time",
        title=_("Until next time"),
        theme=Theme.FUTURE,
        minutes=15,
        purpose=_("Give the time apart a shape, with something to look forward to."),
        roles=_("You plan your next time together, and something to share before it."),
        steps=(
            _(
                "Agree the date of your next time together, or the next step "
                "towards one if it's not yet possible."
            ),
            _("Each adds one thing they'd like to do together then."),
            _(
                "Plan one small thing to share before then: the same book, a "
                "weekly call, a parcel."
            ),
            _("Put the date in your calendar, so you both see it come closer."),
        ),
        if_hard=_(
            "If the next visit can't be fixed yet, that can hurt; say so, and "
            "plan only the thing to share before it. Come back to the date "
            "when you know more."
        ),
        apart=_("Made for couples living apart."),
        for_apart=True,
        sources=("rempel",),
    ),
    Exercise(
        slug="before-one-of-us-travels",
        title=_("Before one of us travels"),
        theme=Theme.FUTURE,
        minutes=15,
        purpose=_(
            "Agree how you'll keep in touch while one of you is away, so "
            "silence doesn't worry either of you."
        ),
        roles=_("You agree together before the trip."),
        steps=(
            _(
                "Agree how often you'll be in touch and when: a message when you "
                "arrive, a call on the second evening. Allow for time zones and "
                "busy days."
            ),
            _("Agree what a quiet day means: “If I don't write, I'm busy, not upset.”"),
            _("Agree how to reach each other if something urgent comes up."),
            _("Plan a small way to mark the homecoming."),
        ),
        if_hard=_(
            "If the plan starts to feel like checking up on each other, loosen "
            "it: keeping in touch is a kindness, not a duty, and neither of you "
            "owes the other a report. Talk about what each of you actually "
            "needs."
        ),
        apart=_("Made for travel, and for couples who often spend time apart."),
        for_apart=True,
        sources=("rempel", "checkins"),
    ),
    Exercise(
        slug="sharing-the-load",
        title=_("Sharing the load"),
        theme=Theme.FUTURE,
        minutes=30,
        purpose=_(
            "Look at who does what at home, and change what doesn't feel fair to either of you."
        ),
        roles=_("You list the tasks together, then each picks one to change."),
        steps=(
            _(
                "Together, list the regular tasks of your life: chores, money "
                "matters, caring for others, keeping in touch with family, "
                "planning."
            ),
            _(
                "Mark who does each now, and which ones each of you minds or doesn't mind."
            ),
            _(
                "Each picks one task to hand over, share or swap, and you try it "
                "for a month."
            ),
            _("If you like, make each change a promise in Troth."),
        ),
        if_hard=_(
            "If it turns into keeping score of the past, stop: the aim is to "
            "change one thing from now on. Come back with a shorter list."
        ),
        apart=_(
            "Couples apart share a load too: errands, family, money, planning "
            "visits. Make the list on a call."
        ),
        sources=("rempel",),
    ),
)

BY_SLUG = {exercise.slug: exercise for exercise in EXERCISES}


def get(slug: str) -> Exercise | None:
    return BY_SLUG.get(slug)


def filtered(*, length: str = "", theme: str = "", where: str = "") -> list[Exercise]:
    return [
        exercise
        for exercise in EXERCISES
        if (not length or exercise.length == length)
        and (not theme or exercise.theme == theme)
        and (where != Where.APART or exercise.for_apart)
    ]


# What Today suggests: everyday practices only. One about hurt or a
# disagreement is chosen by the couple, never put in front of them unasked
# (that would presume a breach or a row).
SUGGESTIONS = tuple(exercise for exercise in EXERCISES if not exercise.tender)


def suggestion_for(day: date) -> Exercise:
    """A different exercise each day, the same all day for both partners."""
    return SUGGESTIONS[day.toordinal() % len(SUGGESTIONS)]
