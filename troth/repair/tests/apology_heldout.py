"""HELD-OUT apologies for the checker: measure on these, NEVER tune on them.

Written for issue 10, item 20, BEFORE its author read the checker's patterns
or its development set (`apology_set.py`), from the descriptions alone:
Lewicki, Polin & Lount's six components and the non-apologies listed in
`shared/RESEARCH.md`, plus the deflections named in the issue (blame that
turns the fault back on the hurt partner, minimising by good intent or by
size, outcomes with no actor, pressure to be forgiven or to move on now).

Rules for anyone changing the checker:
- Do not add, remove or relabel a case here to make a number go up.
- Do not read the failures here and then write a pattern for them. If you
  did look, say so in `docs/apology-checker.md` and write a fresh held-out
  set; new development examples go in `apology_set.py`.

How the labels were decided (one reading, written down before measuring):
- responsibility: the writer names their own act in the first person
  ("I read…", "I should have…", "that's on me"); "sorry for snapping"
  alone is regret, not responsibility.
- repair: something offered or done now to put this harm right.
- regret: sorry, apologise, regret, ashamed, feel awful.
- explanation: a reason for why it happened (an excuse is still one).
- repentance: what the writer will do differently from now on.
- forgiveness: asks to be forgiven.
- conditional: the hurt made hypothetical ("sorry if", "whatever I did").
- sorry_you_feel: sorry for the partner's feeling or reaction, not the act.
- sorry_but: "sorry / apologise … but" in one sentence, undercutting it.
- blame: the fault turned back on the hurt partner: who began it, tit for
  tat, what they should have done instead, "both sides", their reaction.
- minimising: by good intent ("I meant well", "it was a joke") or by size
  ("only", "a bit", "one drink", "nothing happened").
- passive: an outcome with no actor ("mistakes were made", "it slipped out",
  "things got out of hand").
- pressure: pushing to be forgiven or to move on now ("can we move on",
  "put it behind us tonight", "you need to forgive me", "are we okay now").
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    text: str
    flags: frozenset[str]
    parts: frozenset[str]


def _case(text: str, flags: str = "", parts: str = "") -> Case:
    return Case(text, frozenset(flags.split()), frozenset(parts.split()))


HELD_OUT: tuple[Case, ...] = (
    # --- Apologies that should raise no flag -------------------------------
    _case(
        "I went through your phone while you were asleep. It was a violation "
        "of your privacy and I'm truly sorry. I was anxious about us, and "
        "that's no excuse. I won't do it again; if I feel that way I'll talk "
        "to you instead.",
        "",
        "responsibility regret explanation repentance",
    ),
    _case(
        "I forgot to pick Mia up from school on Thursday and you had to leave "
        "work to get her. That's on me. I'm sorry. I've put every pickup in "
        "my calendar with two alarms, and I'll take the next three Fridays so "
        "you can stay late.",
        "",
        "responsibility regret repentance repair",
    ),
    _case(
        "I told my sister about your job interview after you asked me to keep "
        "it between us. I broke your trust. I'm so sorry. I'll call her "
        "tonight and ask her not to pass it on. Would that help, or is there "
        "something else you'd rather I do?",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I lied to you about where the money went. I spent it at the casino, "
        "and I hid the statements. I regret it deeply. I've given you access "
        "to all my accounts and I've booked a first session with a "
        "counsellor. I hope that one day you can forgive me, but I understand "
        "if you can't yet.",
        "",
        "responsibility regret repair repentance forgiveness",
    ),
    _case(
        "I raised my voice at you in front of your parents. It was "
        "humiliating for you and it was my doing. I'm sorry. I'd like to "
        "apologise to them too, if you're okay with that.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I'm sorry I missed your birthday dinner. I chose to stay at the "
        "office and didn't even call. You deserved better than that. From now "
        "on, the evenings we plan are fixed for me, and I'd love to take you "
        "out this Saturday to make up for it.",
        "",
        "responsibility regret repentance repair",
    ),
    _case(
        "I said your cooking was like hospital food in front of our friends. "
        "It was cruel, and I meant it to sting, which is worse. I'm ashamed "
        "of it.",
        "",
        "responsibility regret",
    ),
    _case(
        "I broke my promise to stop drinking during the week. I had three "
        "beers on Tuesday and hid the cans. I'm sorry, and I'm sorry I hid "
        "it. I've joined a group that meets on Wednesdays, and I'll tell you "
        "each evening how it went.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I kept texting my ex after I told you I'd stopped. I lied to you, and "
        "I kept lying when you asked me. There's no excuse. I've blocked her "
        "number and I'll show you my phone whenever you want. Please take as "
        "long as you need.",
        "",
        "responsibility repair repentance",
    ),
    _case(
        "I apologise for reading your diary. I had no right. I was scared you "
        "were unhappy, and instead of asking you I snooped. It won't happen "
        "again.",
        "",
        "regret responsibility explanation repentance",
    ),
    _case(
        "I made a joke about your weight at the party, and I saw your face. "
        "That was unkind of me and I regret it. What can I do to make this "
        "better?",
        "",
        "responsibility regret repair",
    ),
    _case(
        "Sorry I was late again. I kept you waiting for forty minutes in the "
        "cold, and that's disrespectful of your time. Next time I'll leave "
        "early enough, and I'll text you before I'm even five minutes late.",
        "",
        "regret responsibility repentance",
    ),
    _case(
        "I'm sorry. I made the decision to lend your brother's money to my "
        "friend without asking you, and it was not mine to lend. I'll pay it "
        "back from my own savings this month.",
        "",
        "regret responsibility repair",
    ),
    _case(
        "I broke the vase your grandmother gave you, and then I hid the "
        "pieces and let you think the cat did it. The hiding was worse than "
        "the breaking. I'm really sorry. I've found a restorer who can mend "
        "it and I'll take it there on Monday.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I didn't tell you I'd lost my job for two weeks. I was embarrassed "
        "and I thought I could fix it before you found out. That was wrong of "
        "me, and I'm sorry. I'll keep you in the loop on every application "
        "from now on. Can we sit down tonight and go through the budget "
        "together?",
        "",
        "explanation responsibility regret repentance repair",
    ),
    _case(
        "You trusted me with your password and I used it to check your "
        "email. I'm sorry. I've changed nothing, but I shouldn't have looked "
        "at all. I won't ask for it again.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I shouted at the kids and then told you it was your fault they were "
        "wound up. It wasn't. I lost my temper, and I'm sorry I put that on "
        "you. I'll apologise to them in the morning, and I'm going to start "
        "taking a walk when I feel it building.",
        "",
        "responsibility regret repair repentance",
    ),
    _case(
        "I'm sorry for how I spoke to you last night. I called you selfish, "
        "and that was unfair and untrue. I'd had a bad day, but that is mine "
        "to deal with, not yours.",
        "",
        "regret responsibility explanation",
    ),
    _case(
        "I should have told you I was meeting Sam. Keeping it from you made "
        "it look like I had something to hide, and I understand why that "
        "hurt. I'm sorry. In future I'll tell you my plans, even the small "
        "ones.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I forgot our anniversary. No excuse: I didn't write it down and I "
        "didn't think about it. I'm so sorry. Let me plan a day for us this "
        "weekend, whatever you'd like.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I posted the photo of you without asking, and you've told me before "
        "you hate that. I've taken it down. I'm sorry, and I'll ask first "
        "from now on. Will you forgive me?",
        "",
        "responsibility repair regret repentance forgiveness",
    ),
    _case(
        "It was me who scratched the car. I should have told you straight "
        "away instead of letting you find it. I'm sorry. I'll get it fixed "
        "this week and pay for it.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I just want to say I'm sorry. I cancelled on you again and I know "
        "how much you'd been looking forward to it. I'll rebook it now for "
        "the first date you're free.",
        "",
        "regret responsibility repair",
    ),
    _case(
        "I'm the only one to blame for what happened on Friday. I drove after "
        "drinking with you in the car. I am so sorry. I've handed you my keys "
        "for the month and I'm going to an alcohol service on Tuesday.",
        "",
        "responsibility regret repair repentance",
    ),
    _case(
        "When you're ready, and not before, I'd like to talk about how I can "
        "rebuild your trust. I betrayed it when I hid the messages. I'm "
        "sorry.",
        "",
        "repair responsibility regret",
    ),
    _case(
        "You were right to be angry. I made fun of your accent in front of my "
        "colleagues and I'm sorry. I'll tell them it was out of order.",
        "",
        "responsibility regret repair",
    ),
    # --- Blame turned back on the hurt partner ------------------------------
    _case(
        "I'm sorry I yelled, but you started it by bringing up my mother.",
        "sorry_but blame",
        "regret responsibility",
    ),
    _case(
        "Okay, I read your texts. You went through my laptop last month, so I "
        "don't see why this is so different.",
        "blame",
        "responsibility",
    ),
    _case(
        "I know I hung up on you. You hung up on me on Sunday, so I guess we're even.",
        "blame",
        "responsibility",
    ),
    _case(
        "I'm sorry I didn't call. You could have texted me to check where I "
        "was instead of waiting up all night.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I regret what I said. Then again, you were the one who brought up "
        "the divorce in the first place.",
        "blame",
        "regret",
    ),
    _case(
        "I shouldn't have lost my temper. But honestly, you should have told "
        "me you'd invited them before I got home.",
        "blame",
        "responsibility",
    ),
    _case(
        "I apologise for leaving the party without you. If you hadn't spent "
        "the whole night talking to Mark, I wouldn't have felt so left out.",
        "blame",
        "regret explanation",
    ),
    _case(
        "Sorry for snapping. You know how I get when you keep asking the same "
        "question over and over.",
        "blame",
        "regret",
    ),
    _case(
        "I'm sorry about the money. We both agreed to be more careful and "
        "neither of us was, so it's not all on me.",
        "blame",
        "regret",
    ),
    _case(
        "Fine, I forgot to pay the electricity bill. You're the one who said "
        "you'd remind me, though.",
        "blame",
        "responsibility",
    ),
    _case(
        "I'm sorry I went out drinking. Maybe if you didn't nag me every time "
        "I see my friends, I wouldn't need to lie about it.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I did lie about where I was, I admit it. But you lie to me all the "
        "time about your spending, so you can't really take the high ground.",
        "blame",
        "responsibility",
    ),
    # --- Minimising by good intent ------------------------------------------
    _case(
        "I'm sorry I told your mum about the pregnancy. I only meant to share "
        "good news, I didn't mean any harm.",
        "minimising",
        "regret responsibility explanation",
    ),
    _case(
        "I was trying to help when I rearranged your study. My heart was in "
        "the right place. Sorry it upset you.",
        "minimising sorry_you_feel",
        "regret explanation",
    ),
    _case(
        "I didn't mean anything by the comment about your ex. It was a joke. "
        "I'm sorry.",
        "minimising",
        "regret",
    ),
    _case(
        "I had good intentions when I booked the holiday without asking you. "
        "I wanted it to be a surprise, so I don't think I deserve to be "
        "treated like a criminal.",
        "minimising blame",
        "explanation",
    ),
    _case(
        "I'm sorry you had to find out that way. I never intended to hurt "
        "you; I was going to tell you eventually.",
        "sorry_you_feel minimising",
        "regret",
    ),
    # --- Minimising by size -------------------------------------------------
    _case(
        "Sorry I was a bit late. It was only twenty minutes, and the film "
        "hadn't even started.",
        "minimising",
        "regret",
    ),
    _case(
        "I had one drink. One. I'm sorry I broke the promise, but it's hardly "
        "a relapse.",
        "sorry_but minimising",
        "regret responsibility",
    ),
    _case(
        "I looked at your phone for a second, that's all. I didn't read "
        "anything important. I apologise.",
        "minimising",
        "responsibility regret",
    ),
    _case(
        "I know I forgot the dry cleaning. It's a small thing, honestly, and "
        "I'll get it tomorrow.",
        "minimising",
        "responsibility repair",
    ),
    _case(
        "I'm sorry I flirted with the waitress. It was harmless, nothing happened.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "So I spent a bit more than we agreed on the bike. In the grand "
        "scheme of things it's a few hundred pounds, not the end of the "
        "world. Sorry.",
        "minimising",
        "responsibility regret",
    ),
    # --- Outcomes with no actor ---------------------------------------------
    _case(
        "Mistakes were made with the tax return, and I'm sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Things got out of hand at the party and some things were said that "
        "shouldn't have been. I'm sorry about all of it.",
        "passive",
        "regret",
    ),
    _case(
        "I'm sorry the money ended up going on the credit card. It wasn't planned.",
        "passive",
        "regret",
    ),
    _case(
        "Your letter got thrown away during the clear-out. I feel awful about it.",
        "passive",
        "regret",
    ),
    _case(
        "The secret slipped out when we were talking at dinner. I'm so sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Promises were broken, I know, and trust was damaged. I want to make "
        "it right. What can I do?",
        "passive",
        "repair",
    ),
    _case(
        "The argument escalated and the door got slammed. I regret how the "
        "evening went.",
        "passive",
        "regret",
    ),
    _case(
        "Your birthday got forgotten in all the chaos of the move. Sorry.",
        "passive",
        "regret explanation",
    ),
    _case(
        "It just happened. One thing led to another and it went further than "
        "it should have. I'm sorry.",
        "passive",
        "regret",
    ),
    # --- Pressure to be forgiven or to move on now ---------------------------
    _case(
        "I've said I'm sorry. Can we please just move on now?",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry I lied about the phone bill. I hope we can put this behind "
        "us tonight and enjoy the weekend.",
        "pressure",
        "regret responsibility",
    ),
    _case(
        "I apologised three times already. How long are you going to hold "
        "this over me?",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry I missed the scan. Please forgive me now, I can't stand "
        "you being cold with me.",
        "pressure",
        "regret responsibility forgiveness",
    ),
    _case(
        "I know I hurt you by cancelling the trip and I'm sorry. Let's not "
        "let this ruin the whole week, okay? Can we forget about it?",
        "pressure",
        "responsibility regret",
    ),
    _case(
        "I was wrong to take the car without asking. I'm sorry. You need to "
        "forgive me so we can get back to normal.",
        "pressure",
        "responsibility regret forgiveness",
    ),
    _case(
        "I'm sorry about the comments I made. Now can we drop it? It's been two days.",
        "pressure",
        "regret",
    ),
    _case(
        "I admit I skipped the counselling session. I apologise. Are we okay "
        "now? I really need us to be okay by tonight.",
        "pressure",
        "responsibility regret",
    ),
    _case(
        "Sorry I didn't tell you about the loan. Let's just move past it, "
        "there's no point dwelling.",
        "pressure",
        "regret responsibility",
    ),
    # --- The older non-apologies --------------------------------------------
    _case(
        "I'm sorry if I embarrassed you at dinner.",
        "conditional",
        "regret",
    ),
    _case(
        "If anything I said hurt you, I apologise.",
        "conditional",
        "regret",
    ),
    _case(
        "I'm sorry for whatever I did to make you this angry.",
        "conditional",
        "regret",
    ),
    _case(
        "I'm sorry you feel that I don't listen to you.",
        "sorry_you_feel",
        "regret",
    ),
    _case(
        "I'm sorry you were upset by what I posted.",
        "sorry_you_feel",
        "regret",
    ),
    _case(
        "I'm sorry that you took my comment the wrong way.",
        "sorry_you_feel",
        "regret",
    ),
    _case(
        "I'm sorry I forgot to call, but work has been insane this week.",
        "sorry_but",
        "regret responsibility explanation",
    ),
    _case(
        "I apologise for missing the recital, but I couldn't leave the meeting.",
        "sorry_but",
        "regret explanation",
    ),
    # --- Several at once ----------------------------------------------------
    _case(
        "I'm sorry if you felt ignored at the wedding, but I was only talking "
        "to old friends for a bit.",
        "conditional sorry_you_feel sorry_but minimising",
        "regret",
    ),
    _case(
        "Look, some things were said on both sides. I'm sorry, okay? Can we move on?",
        "passive blame pressure",
        "regret",
    ),
    _case(
        "Mistakes were made, but you pushed me to it by checking up on me all "
        "the time.",
        "passive blame",
        "",
    ),
    _case(
        "I'm sorry. I said it because you kept going on about my job. Let's "
        "just forget it.",
        "blame pressure",
        "regret explanation responsibility",
    ),
)


# A second held-out set, written after the rules were frozen (commit 18ee01a)
# and after the one measurement on HELD_OUT above, whose three failures were
# looked at (and not tuned on). Different registers on purpose: text-message
# style without capitals or apostrophes, idioms the first set does not use.
# Measured once; never tuned on.
HELD_OUT_2: tuple[Case, ...] = (
    # --- No flags -----------------------------------------------------------
    _case(
        "I took your car without asking and brought it back with the tank "
        "empty. I was inconsiderate and I'm sorry. I've filled it up and I'll "
        "ask you first from now on.",
        "",
        "responsibility regret repair repentance",
    ),
    _case(
        "i lied about where i was on friday. i was at the pub with dan after i "
        "said id be home. im really sorry. ill tell you where i am from now on, "
        "even if its boring",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I undermined you in front of the kids when you'd already said no. "
        "That wasn't fair to you. I'm sorry. Tonight I'll tell them that I was "
        "wrong and that your no stands.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I owe you an apology. I made plans for your birthday with my friends "
        "instead of asking what you wanted. It was thoughtless. Could we plan "
        "the day again, together, the way you'd like it?",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I shared the screenshot of your message in the group chat. I had no "
        "business doing that. I've deleted it and asked everyone to delete "
        "theirs. I'm sorry, and it won't happen again.",
        "",
        "responsibility repair regret repentance",
    ),
    _case(
        "I've been short with you all week and you've done nothing to deserve "
        "it. I'm sorry. Work has been hard, but that's mine to carry. Let me "
        "cook tonight and we can talk if you'd like.",
        "",
        "responsibility regret explanation repair",
    ),
    _case(
        "I kept the letter from the hospital from you because I didn't want to "
        "worry you. That was my choice and it was the wrong one. I'm so sorry. "
        "From today you see everything as it comes.",
        "",
        "responsibility explanation regret repentance",
    ),
    _case(
        "I criticised your family at dinner. I was unkind and I embarrassed "
        "you in front of people you love. I apologise. I'd like to call your "
        "sister and apologise to her as well.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I gambled again after I promised I'd stopped. I'm sorry. I've handed "
        "my cards to you and I've signed up for the self-exclusion scheme. I'm "
        "going to a meeting on Thursday.",
        "",
        "responsibility regret repair repentance",
    ),
    _case(
        "It's on me that we missed the flight. I was the one who insisted we "
        "had time. I'm sorry. I'll sort out the rebooking and pay the fee.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I made you feel small when I laughed at your idea in the meeting. I'm "
        "sorry. That was arrogant of me, and I'll back you up next time.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I moved money from our joint account without telling you. I should "
        "have asked. I'm sorry. I've moved it back today.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I ignored your texts all afternoon because I was sulking. That was "
        "childish and it left you worried. I'm sorry. If I need time, I'll say "
        "so.",
        "",
        "responsibility explanation regret repentance",
    ),
    _case(
        "Sorry for the things I said in the car. I said them to hurt you, and "
        "they did. There's no but. I'll wait for as long as you need before we "
        "talk about it.",
        "",
        "regret responsibility",
    ),
    _case(
        "I broke the dishwasher and didn't tell you. That was cowardly of me. "
        "I'm sorry. The repair man is booked for Tuesday and I'm paying.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I flirted with your friend at the party. I know how it made you feel, "
        "and I'm not going to pretend it was nothing. I'm sorry. It won't "
        "happen again.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I was rude to your mum on the phone. I'm sorry. I'll ring her today "
        "and say so.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I'm sorry, truly. I read your journal, which you trusted would stay "
        "private. Whatever you need from me now, tell me, and I'll do it.",
        "",
        "regret responsibility repair",
    ),
    # --- Blame --------------------------------------------------------------
    _case(
        "Yeah I snooped, but you leave your phone lying around unlocked, what "
        "do you expect",
        "blame",
        "responsibility",
    ),
    _case(
        "I'm sorry I shouted. To be honest, though, you wind me up on purpose.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I'll admit I forgot your recital. You didn't exactly remind me either.",
        "blame",
        "responsibility",
    ),
    _case(
        "I apologise for the argument, but let's not forget you said some "
        "nasty things too.",
        "sorry_but blame",
        "regret",
    ),
    _case(
        "I spent the money, fine. You spent twice as much on your holiday last year.",
        "blame",
        "responsibility",
    ),
    _case(
        "Sorry I didn't come home. If you'd answered your phone I would have "
        "told you where I was.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I'm sorry about what happened, but it takes two.",
        "sorry_but blame passive",
        "regret",
    ),
    _case(
        "I know I was out of order. You weren't exactly an angel that night either.",
        "blame",
        "responsibility",
    ),
    # --- Minimising -----------------------------------------------------------
    _case(
        "I'm sorry about the text. I was trying to be funny, I honestly didn't "
        "think you'd mind.",
        "minimising",
        "regret",
    ),
    _case(
        "It was a one-off and it lasted about five minutes. I'm sorry.",
        "minimising",
        "regret",
    ),
    _case(
        "I didn't intend any disrespect when I skipped your dad's party. I'm sorry.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "I was late, sure, but we're talking ten minutes.",
        "minimising",
        "responsibility",
    ),
    _case(
        "Look, it was a tiny white lie. I'm sorry I told it.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "im sorry i forgot, it was an honest mistake",
        "minimising",
        "regret responsibility",
    ),
    # --- Passive --------------------------------------------------------------
    _case(
        "The wrong date got put in the calendar, so the dinner was missed. "
        "Sorry about that.",
        "passive",
        "regret",
    ),
    _case(
        "Some hurtful comments were made last night and I regret that.",
        "passive",
        "regret",
    ),
    _case(
        "Your surprise was ruined, and I feel terrible.",
        "passive",
        "regret",
    ),
    _case(
        "The bills weren't paid on time this month. I'm sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Your secret got passed on to a few people. I'm so sorry.",
        "passive",
        "regret",
    ),
    _case(
        "The deposit money has gone. I know that's awful and I'm sorry.",
        "passive",
        "regret",
    ),
    # --- Pressure -------------------------------------------------------------
    _case(
        "I've said sorry a hundred times. Can we please talk about something else now?",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry. I really need us to be back to how we were before the weekend.",
        "pressure",
        "regret",
    ),
    _case(
        "I apologise for the lie. I think it's time we both let it go.",
        "pressure",
        "regret",
    ),
    _case(
        "Sorry I forgot to call. Can you stop being upset with me now?",
        "pressure",
        "regret responsibility",
    ),
    _case(
        "I'm sorry I stayed out. Forgive me already, it's been a week.",
        "pressure",
        "regret responsibility forgiveness",
    ),
    _case(
        "im sorry ok?? can we just leave it",
        "pressure",
        "regret",
    ),
    # --- The older non-apologies ----------------------------------------------
    _case("Apologies if my tone was off this morning.", "conditional", ""),
    _case("I'm sorry that my honesty upset you.", "sorry_you_feel", ""),
    _case("I'm sorry you think I don't care about your work.", "sorry_you_feel", ""),
    _case(
        "I'm sorry I missed it, but I had a deadline.",
        "sorry_but",
        "regret responsibility explanation",
    ),
    _case("I'm sorry if that came across as rude.", "conditional", ""),
    _case("I regret that you were hurt by my decision.", "sorry_you_feel", ""),
    # --- Several at once --------------------------------------------------------
    _case(
        "Sorry if I overstepped, I was only trying to help. Can we move past this?",
        "conditional minimising pressure",
        "",
    ),
    _case(
        "Things got said that I regret. But you've said worse to me, so let's "
        "call it even.",
        "passive blame",
        "regret",
    ),
)


# A third held-out set, written after the rules were frozen again (commit
# 6f99c27), after the second set's misses had been read and turned into new
# development examples. Other scenes and voices again (casual American and
# British idioms, pets, school, in-laws). Measured once; never tuned on.
# These are the figures to quote.
HELD_OUT_3: tuple[Case, ...] = (
    # --- No flags -----------------------------------------------------------
    _case(
        "My bad for not texting back yesterday. I saw your messages and chose "
        "to watch the game instead. That was selfish, and I'm sorry. I'll "
        "reply, even if it's just to say I'm busy.",
        "",
        "regret responsibility repentance",
    ),
    _case(
        "I screwed up. I told the neighbours about your diagnosis when it "
        "wasn't mine to share. I'm so sorry. Tell me what you'd like me to say "
        "to them, and I'll say it.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I left the gate open and Biscuit got out. I know how frightened you "
        "were. It was careless of me, and I'm sorry. I've fixed the latch so it "
        "closes by itself.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I've been on my phone every evening when you're trying to talk to me. "
        "You've told me it makes you feel invisible, and I kept doing it. I'm "
        "sorry. From tonight the phone stays in the hall after dinner.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I owe you a real apology, not a quick one. I broke your trust when I "
        "went back to smoking behind your back. I'm sorry for the lying most "
        "of all. I've booked a stop-smoking appointment for Monday.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I was cold to your friends all evening and I made it awkward for you. "
        "There's no excuse for it. I'm sorry, and I'll make it up to them and "
        "to you.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I promised I'd handle the school forms and I didn't, and you got a "
        "call from the head teacher. That's my failure, not yours. I'm sorry. "
        "I've filled them in and taken them in this morning.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I didn't show up for you at the hospital. I was scared of hospitals "
        "and I let that matter more than you. I'm sorry. Next appointment, "
        "I'll be the one driving you.",
        "",
        "responsibility explanation regret repentance",
    ),
    _case(
        "I'm sorry I doubted you when you told me what my brother said. I took "
        "his side without even asking you. I was wrong. I'll talk to him this "
        "week and tell him I believe you.",
        "",
        "regret responsibility repair",
    ),
    _case(
        "I snapped at you in front of the waiter. You didn't deserve that. I'm "
        "sorry. I was hungry and tired, but that's my problem to manage.",
        "",
        "responsibility regret explanation",
    ),
    _case(
        "I made the booking without checking with you, and now you've lost a "
        "day of leave. I'm sorry, that's on me. I'll try to change the dates "
        "tomorrow.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "It was me who ate the last of the birthday cake you'd saved for your "
        "sister. I'm sorry. I'll bake her another one this weekend.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I took credit for your idea at the dinner party. That was dishonest "
        "and small of me. I'm sorry. I'll set the record straight with them.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I'm sorry. I said I'd stop checking your location and I checked it "
        "again on Friday. I've turned the sharing off on my side and I'll "
        "leave it off.",
        "",
        "regret responsibility repair repentance",
    ),
    _case(
        "I broke our agreement about not drinking at your parents' house. I "
        "embarrassed you. I'm truly sorry, and I won't drink there again.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I forgot to pass on your boss's message, and you missed the meeting. "
        "I should have written it down. I'm so sorry. I'll explain to her that "
        "it was my mistake.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "Honestly, I was jealous, and I took it out on you by picking a fight. "
        "That's not fair to you. I'm sorry. I'm going to talk to someone about "
        "the jealousy.",
        "",
        "explanation responsibility regret repentance",
    ),
    _case(
        "I'm sorry for the way I spoke about your weight. It was cruel. I "
        "won't comment on your body again.",
        "",
        "regret responsibility repentance",
    ),
    _case(
        "I let you down on Saturday. You were counting on me to be there and I "
        "wasn't. I'm sorry, and I'd like to make it up to you if you'll let me.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I'm sorry I dismissed your worries about the money. You were right to "
        "worry, and I should have listened. Let's sit down with the accounts "
        "tonight, whenever suits you.",
        "",
        "regret responsibility repair",
    ),
    # --- Blame --------------------------------------------------------------
    _case(
        "I'm sorry I stormed out, but you were shouting too.",
        "sorry_but blame",
        "regret responsibility",
    ),
    _case(
        "My bad about the car. In fairness, you never fill it up either.",
        "blame",
        "regret",
    ),
    _case(
        "I know I forgot to call your mum. You forgot my dad's birthday last "
        "year, mind you.",
        "blame",
        "responsibility",
    ),
    _case(
        "Yes I was rude to your friend. She was rude to me first, and you "
        "didn't say anything.",
        "blame",
        "responsibility",
    ),
    _case(
        "I'm sorry you're upset, but you're the one who wanted to go to that party.",
        "sorry_you_feel sorry_but blame",
        "",
    ),
    _case(
        "I shouted. You'd have shouted too if you'd had my day.",
        "blame",
        "responsibility",
    ),
    _case(
        "Sorry I checked your phone. If you were more open with me I wouldn't need to.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "OK I messed up with the money. You're hardly perfect with it yourself.",
        "blame",
        "responsibility",
    ),
    # --- Minimising -----------------------------------------------------------
    _case(
        "I'm sorry I looked at your messages. I just skimmed them, I barely "
        "read anything.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "Look, I was only gone an hour. I'm sorry I didn't tell you.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "It was a throwaway comment, I'm sorry it landed badly.",
        "minimising sorry_you_feel",
        "",
    ),
    _case("I meant it as a compliment. Sorry.", "minimising", "regret"),
    _case(
        "I'm sorry I went over budget. It's fifty pounds, it's not like we're broke.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "I didn't do it on purpose, I just forgot. Sorry.",
        "minimising",
        "regret responsibility",
    ),
    # --- Passive --------------------------------------------------------------
    _case(
        "Your birthday present was left on the train. I'm gutted, and I'm sorry.",
        "passive",
        "regret",
    ),
    _case("The dinner reservation was never made. Sorry, love.", "passive", "regret"),
    _case(
        "Your plant didn't get watered while you were away, and it died. I'm sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Private things were said about you to my friends. I regret it.",
        "passive",
        "regret",
    ),
    _case(
        "The whole weekend got derailed, and I'm sorry about that.",
        "passive",
        "regret",
    ),
    _case(
        "Your email was forwarded to the wrong person. My apologies.",
        "passive",
        "regret",
    ),
    # --- Pressure -------------------------------------------------------------
    _case(
        "I'm sorry. Now please can we enjoy the holiday?",
        "pressure",
        "regret",
    ),
    _case(
        "I've apologised, so the silent treatment can stop now.",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry. Let's not make a big thing of it.",
        "pressure minimising",
        "regret",
    ),
    _case(
        "I said sorry yesterday. Are we done with this now?",
        "pressure",
        "regret",
    ),
    _case(
        "Please say you forgive me so I can sleep tonight.",
        "pressure",
        "forgiveness",
    ),
    _case("I'm sorry, can we kiss and make up?", "pressure", "regret"),
    # --- The older non-apologies ----------------------------------------------
    _case("Apologies to you if I was short earlier.", "conditional", ""),
    _case(
        "I'm sorry you didn't like the way I handled it.",
        "sorry_you_feel",
        "",
    ),
    _case(
        "I'm sorry I forgot, but to be fair it's been a crazy month.",
        "sorry_but",
        "regret responsibility explanation",
    ),
    _case("If my words stung, I'm sorry.", "conditional", ""),
    # --- Several at once --------------------------------------------------------
    _case(
        "Sorry if I came off harsh. Things just got heated. Let's move on.",
        "conditional passive pressure",
        "",
    ),
    _case(
        "I'm sorry, okay? It was one message, and you read my texts all the "
        "time anyway.",
        "minimising blame",
        "regret",
    ),
)


# A fourth held-out set, written after round 5 of the rules was frozen (commit
# 8569161), before looking at how any set scored on it. More long apologies
# that mix real parts with one deflection. Measured once; never tuned on.
# These are the figures to quote.
HELD_OUT_4: tuple[Case, ...] = (
    # --- No flags -----------------------------------------------------------
    _case(
        "Last night I mocked your new haircut in front of Jess. It was a cheap "
        "shot and I regret it. You looked great and I should have said so. "
        "I'll tell Jess I was being an idiot.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I booked a weekend away with the lads on the same dates as your "
        "sister's wedding, and I didn't check. I'm sorry. I've cancelled my "
        "trip, and I'll be at the wedding with you.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I went quiet for two days instead of telling you I was upset. That "
        "left you guessing and anxious. I'm sorry. When something bothers me, "
        "I'll say it the same day.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I'm sorry I read the letter from your therapist. It was private and I "
        "opened it anyway. I'm telling you straight away because you deserve "
        "to know.",
        "",
        "regret responsibility",
    ),
    _case(
        "I said I'd be sober for the party and I wasn't. I embarrassed you in "
        "front of your colleagues. I'm ashamed and I'm sorry. I'm going to "
        "call my sponsor tonight.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I broke your laptop screen and then told you it was already cracked. "
        "That was a lie. I'm sorry for breaking it, and sorrier for lying. "
        "I'll pay for the repair this week.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I've been taking you for granted. You cook, you clean, you sort the "
        "kids, and I barely say thank you. I'm sorry. From now on I'm doing "
        "dinners on weekdays.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I told your dad about our money troubles without asking you first. It "
        "wasn't my news to share. I apologise. I'll ring him and explain that "
        "it was my mistake.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I kept in touch with my ex and hid it from you for months. That was "
        "dishonest, and I know it hurt you deeply. I'm sorry. I've ended "
        "contact and you can ask me anything about it.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I made a promise about the holiday money and I broke it. There's no "
        "excuse. I'm sorry. I'll put back what I took, starting with this "
        "month's pay.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "Sorry I missed your call at the hospital. I had my phone on silent and "
        "I should have checked it. I'll keep it on loud when you've got "
        "appointments.",
        "",
        "regret responsibility repentance",
    ),
    _case(
        "I raised my voice at your mum at Christmas. I was wrong to do it. I'm "
        "sorry, and I'll apologise to her myself.",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I'm so sorry for the comment about your job. I meant it to hurt, and "
        "it did. I won't use your work against you again.",
        "",
        "regret responsibility repentance",
    ),
    _case(
        "I forgot to pick up your prescription, and you went a day without it. "
        "That was careless of me and I'm really sorry. I've set a monthly "
        "reminder and I'll collect it on Fridays.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I shouted at you in the car park in front of strangers. You didn't "
        "deserve that. I'm sorry. Next time I'm stressed, I'll say so before "
        "it boils over.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I'm sorry I let you carry the dog's vet bills alone. I said I'd split "
        "them and I didn't. I've transferred my half tonight.",
        "",
        "regret responsibility repair",
    ),
    _case(
        "I lied about finishing the job application. I hadn't even started "
        "it. I'm sorry.",
        "",
        "responsibility regret",
    ),
    _case(
        "I ignored your message about feeling low because I was busy with the "
        "match. That was unkind. I'm sorry. Can I take you for a walk this "
        "afternoon and just listen?",
        "",
        "responsibility regret repair",
    ),
    _case(
        "I took the last of the savings for the car without talking to you. I "
        "should have asked. I'm sorry, and I'll make sure we decide together "
        "from now on.",
        "",
        "responsibility regret repentance",
    ),
    _case(
        "I embarrassed you at the quiz by arguing with the host. It was "
        "childish of me. I'm sorry. I'll send him a note to apologise.",
        "",
        "responsibility regret repair",
    ),
    # --- Blame --------------------------------------------------------------
    _case(
        "I'm sorry I lost my temper. But you knew how tired I was and you "
        "still brought it up.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I shouldn't have read your messages. Then again, you'd been acting "
        "shifty for weeks.",
        "blame",
        "responsibility",
    ),
    _case(
        "I know I was late. You could at least have saved me a seat.",
        "blame",
        "responsibility",
    ),
    _case(
        "Fine, I flirted a bit. You flirt with the barman every time we go out.",
        "blame minimising",
        "responsibility",
    ),
    _case(
        "I'm sorry I snapped. It's hard not to when you keep nagging about the dishes.",
        "blame",
        "regret responsibility",
    ),
    _case(
        "I'm sorry about the money, but we agreed you'd keep an eye on the account.",
        "sorry_but blame",
        "regret",
    ),
    _case(
        "I forgot the anniversary. Let's be honest, you forgot mine two years ago.",
        "blame",
        "responsibility",
    ),
    _case(
        "Sorry for how I spoke to you. You weren't exactly calm yourself.",
        "blame",
        "regret",
    ),
    # --- Minimising -----------------------------------------------------------
    _case(
        "I'm sorry I borrowed your car. It was just down the road and back.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "I'm sorry about the joke. It was a bit of banter, honestly.",
        "minimising",
        "regret",
    ),
    _case(
        "I'm sorry I didn't tell you about the drink. It was literally one glass.",
        "minimising",
        "regret responsibility",
    ),
    _case(
        "I was only trying to cheer you up with that comment. Sorry.",
        "minimising",
        "regret",
    ),
    _case(
        "I'm sorry I missed the call. I was five minutes late, hardly a crime.",
        "minimising",
        "regret responsibility",
    ),
    _case("Sorry, I didn't mean to upset anyone.", "minimising", "regret"),
    # --- Passive --------------------------------------------------------------
    _case(
        "The wedding invitations didn't get sent out in time. I'm sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Your photos got wiped when the laptop was reset. I'm so sorry.",
        "passive",
        "regret",
    ),
    _case(
        "Things were said in the heat of the moment that I'm sorry for.",
        "passive",
        "regret",
    ),
    _case(
        "The car got damaged while you were away. I'm sorry.",
        "passive",
        "regret",
    ),
    _case(
        "A lot of trust has been lost this year, and I'm sorry for that.",
        "passive",
        "regret",
    ),
    _case(
        "The money for the boiler somehow ended up being spent. I apologise.",
        "passive",
        "regret",
    ),
    # --- Pressure -------------------------------------------------------------
    _case(
        "I'm sorry. Can we please just get back to normal?",
        "pressure",
        "regret",
    ),
    _case(
        "I said sorry. I don't know what else you want.",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry for the argument. I'd really like us to be fine by the time "
        "your parents arrive.",
        "pressure",
        "regret",
    ),
    _case(
        "I apologise. Now, can we enjoy the rest of the weekend?",
        "pressure",
        "regret",
    ),
    _case(
        "I'm sorry I lied. Forgive me, please, I hate it when you're like this.",
        "pressure blame",
        "regret responsibility forgiveness",
    ),
    _case(
        "Sorry about earlier. Let's put it down to a bad day and move past it.",
        "pressure minimising",
        "regret",
    ),
    # --- The older non-apologies ----------------------------------------------
    _case("Sorry if I seemed distant at dinner.", "conditional", ""),
    _case("I'm sorry you're feeling let down.", "sorry_you_feel", ""),
    _case(
        "I'm sorry I shouted, but the kids were driving me up the wall.",
        "sorry_but",
        "regret responsibility explanation",
    ),
    _case("If I hurt your feelings, I apologise.", "conditional", ""),
    _case("I'm sorry you felt you couldn't talk to me.", "sorry_you_feel", ""),
    # --- Several at once --------------------------------------------------------
    _case(
        "I'm sorry. Mistakes were made on both our parts, and I think it's "
        "time we moved on.",
        "passive blame pressure",
        "regret",
    ),
)
