"""The exercise library: short practices for two, in our own words.

Each exercise says what it is for, what to do, how long it takes, who does
what, and which research idea it draws on. The ideas are cited from
RESEARCH.md only; "draws on" means the exercise puts the idea into
practice, not that the exercise itself was tested.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Texts are lazy translations, turned into words in the reader's language
# when shown.
Text = str | Promise


class Theme(models.TextChoices):
    RELIABILITY = "reliability", _("Relying on each other")
    CLOSENESS = "closeness", _("Opening up")
    LISTENING = "listening", _("Listening")
    CONFLICT = "conflict", _("Disagreements")
    REPAIR = "repair", _("Making amends")
    APPRECIATION = "appreciation", _("Appreciation")
    FUTURE = "future", _("Our future")


class Length(models.TextChoices):
    SHORT = "short", _("10 minutes or less")
    MEDIUM = "medium", _("Up to 30 minutes")
    LONG = "long", _("Longer")


def length_of(minutes: int) -> str:
    if minutes <= 10:
        return Length.SHORT
    if minutes <= 30:
        return Length.MEDIUM
    return Length.LONG


@dataclass(frozen=True)
class Source:
    idea: Text
    citation: str
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
    ),
    "larzelere": Source(
        idea=_(
            "Trust in a partner rests on two things: believing they care about "
            "your good, and believing they are honest with you."
        ),
        citation="Larzelere & Huston (1980), Journal of Marriage and the "
        "Family 42:595–604",
    ),
    "responsiveness": Source(
        idea=_(
            "Closeness grows when one partner opens up and the other responds "
            "so that they feel understood, accepted and cared for. Sharing "
            "feelings does more for closeness than sharing facts."
        ),
        citation="Reis & Shaver (1988); Laurenceau, Barrett & Pietromonaco "
        "(1998), Journal of Personality and Social Psychology 74(5):1238–1251",
    ),
    "aron": Source(
        idea=_(
            "Closeness grows from taking turns to share something personal, "
            "going a little deeper each round."
        ),
        citation="Aron et al. (1997), Personality and Social Psychology "
        "Bulletin 23(4):363–377",
    ),
    "checkins": Source(
        idea=_(
            "Very short, regular check-ins are easy for couples to keep up: in "
            "one study of couples answering two brief prompts a day for two "
            "weeks, most prompts took under five minutes."
        ),
        citation="Langer et al. (2020), JMIR Formative Research 4(7):e14161",
    ),
    "patterns": Source(
        idea=_(
            "Four patterns tend to harm disagreements: criticism, contempt, "
            "defensiveness and shutting down. Each has an antidote: a gentle "
            "start, a habit of appreciation, owning your part, and a break of "
            "at least 20 minutes to calm down."
        ),
        citation="John Gottman's research on couples",
        caveat=_("Used as inspiration; Troth does not measure these patterns."),
    ),
    "bids": Source(
        idea=_(
            "Partners make small reaches for each other's attention all day "
            "(a remark, a look, a touch), and each one can be turned towards or "
            "missed."
        ),
        citation="John Gottman's research on couples",
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
    ),
    "heard": Source(
        idea=_(
            "An apology lands better when the hurt person first feels heard and "
            "understood."
        ),
        citation="Frantz & Bennigson (2005), Journal of Experimental Social "
        "Psychology 41:201–207",
    ),
    "dialogue": Source(
        idea=_(
            "In a structured dialogue one speaks and the other mirrors what "
            "they heard, says why it makes sense, and guesses the feeling; then "
            "you swap."
        ),
        citation="Hendrix's Imago Dialogue; Gehlert et al. (2017)",
        caveat=_(
            "The evidence is modest: treat it as a way of talking, not a treatment."
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
    source: str
    timing: Text = ""  # when the time needed is spread out ("then a week")

    @property
    def length(self) -> str:
        return length_of(self.minutes)

    @property
    def theme_label(self) -> Text:
        return Theme(self.theme).label

    @property
    def length_label(self) -> Text:
        return Length(self.length).label

    @property
    def cited(self) -> Source:
        return SOURCES[self.source]


EXERCISES = (
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
        source="rempel",
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
        source="rempel",
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
        source="rempel",
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
        source="rempel",
    ),
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
        source="larzelere",
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
        source="responsiveness",
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
        source="aron",
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
        source="checkins",
    ),
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
        source="dialogue",
    ),
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
        source="heard",
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
        source="apology",
    ),
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
        source="patterns",
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
        source="patterns",
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
        source="patterns",
    ),
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
        source="patterns",
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
        source="bids",
    ),
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
        source="rempel",
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
        source="rempel",
    ),
)

BY_SLUG = {exercise.slug: exercise for exercise in EXERCISES}


def get(slug: str) -> Exercise | None:
    return BY_SLUG.get(slug)


def filtered(*, length: str = "", theme: str = "") -> list[Exercise]:
    return [
        exercise
        for exercise in EXERCISES
        if (not length or exercise.length == length)
        and (not theme or exercise.theme == theme)
    ]
