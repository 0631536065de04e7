"""Apologies written for Troth, labelled by hand, for testing the checker.

Each item is (text, components, flags): what a careful reader finds in the
text, using the six components of Lewicki, Polin & Lount (2016) and the six
deflections the checker flags (docs/apology-checker.md defines each).

Labelling rules, decided before the patterns were written:
- `responsibility` needs a first-person admission ("I lied", "my fault",
  "that was wrong"), not only the act named after "sorry for".
- `repair` is an offer to put the harm right now ("I'll call him and tell
  him", "what can I do"); a promise about future behaviour is `repentance`.
- Words inside a sentence that is a conditional apology or "sorry you
  feel" do not count as components: that sentence apologises for nothing.

This is the DEVELOPMENT set: the rules are tuned on it. DEV was written
first; ROUND_1 was a first held-out set, measured once, whose misses widened
the rules; ROUND_2 was the second held-out set, whose misses the doc listed;
ROUND_3 and ROUND_4 were written for issue 10 (item 20) for the deflections
the checker missed. The held-out sets, never tuned on, are in
apology_heldout.py; how each set was made and measured is in
docs/apology-checker.md.
"""

from __future__ import annotations

R = "responsibility"
P = "repair"
G = "regret"
E = "explanation"
N = "repentance"
F = "forgiveness"

COND = "conditional"
FEEL = "sorry_you_feel"
BUT = "sorry_but"
BLAME = "blame"
MIN = "minimising"
PASS = "passive"
PRESS = "pressure"


def item(text, components=(), flags=()):
    return (text, frozenset(components), frozenset(flags))


DEV = [
    # Good apologies: no deflection.
    item(
        "I read your messages while you were in the shower. I had no right to do "
        "that and it was wrong of me. I'm sorry. I did it because I was anxious "
        "after our fight, but my anxiety is mine to handle, not yours. I won't go "
        "through your phone again. If it would help, I'd like us to talk about "
        "what I was worried about, so I can ask instead of snooping.",
        {R, G, E, N, P},
    ),
    item(
        "I forgot your birthday dinner and left you waiting at the restaurant. "
        "That's on me, and I'm really sorry. I'd been so buried in work that I "
        "stopped checking my calendar. I've booked the same table for Saturday "
        "and I'll be there early. It won't happen again.",
        {R, G, E, P, N},
    ),
    item(
        "I told my brother about our money problems after you asked me to keep "
        "it between us. I broke your trust, and I understand why you're hurt. "
        "I'm sorry. I'll call him tonight and tell him it was private and that I "
        "shouldn't have shared it. Going forward, what we agree to keep between "
        "us stays between us.",
        {R, G, P, N},
    ),
    item(
        "I was wrong to mock you in front of our friends. I embarrassed you and "
        "I'm ashamed of it. I want to make it right: I'll tell them I was out of "
        "line. I won't make you the butt of my jokes again. Could you forgive me?",
        {R, G, P, N, F},
    ),
    item(
        "I hid the credit card bill from you for three months. I did that, not "
        "anyone else, and I'm truly sorry. I was ashamed of how much I'd spent "
        "and I told myself I'd fix it before you noticed. That was dishonest. "
        "Here's the full statement, and I'd like us to make a repayment plan "
        "together. I'm going to stop hiding things from you, starting now.",
        {R, G, E, P, N},
    ),
    item(
        "I'm sorry I snapped at you this morning. It wasn't fair, and it wasn't "
        "about you; I slept badly and took it out on you. Can I make you "
        "breakfast and start again?",
        {R, G, E, P},
    ),
    item(
        "You asked me to stop texting my ex and I kept doing it behind your "
        "back. That was a betrayal and I own it completely. I'm so sorry for the "
        "hurt it's caused. I've blocked her number and I'll show you that I did "
        "if you want. I'm not going to contact her again. I hope one day you can "
        "forgive me, but I understand if that takes time.",
        {R, G, P, N, F},
    ),
    item(
        "I missed our call again. I know I promised, and I let you down. I "
        "apologise. I'll set two alarms from now on, and if I miss one, I'll "
        "call you back the same evening.",
        {R, G, N},
    ),
    item(
        "Last night I said things to you that were cruel. I chose those words "
        "and they were wrong. I regret them deeply. What can I do to help you "
        "feel safe with me again? I'm working on staying calm when we argue, and "
        "I've booked a session with a counsellor.",
        {R, G, P, N},
    ),
    item(
        "I'm sorry. I broke my promise to be home by ten, and I didn't even "
        "text. I understand why you were worried. Next time I'm running late "
        "I'll call before the time I said, not after.",
        {R, G, N},
    ),
    item(
        "I flirted with someone at the party, right in front of you. It was "
        "disrespectful and I take full responsibility. I was drunk, but that's "
        "not an excuse—I chose to drink that much. I'm sorry. I'd like to talk "
        "about what you need from me at parties, and I'll stick to it.",
        {R, E, G, P, N},
    ),
    item(
        "I apologise for reading your journal. It was a serious invasion of your "
        "privacy and I knew it while I was doing it. I won't do it again, and "
        "I'll give you the spare key to the drawer so it's yours alone.",
        {R, G, N, P},
    ),
    item(
        "I betrayed your trust when I told your secret. There's no excuse for "
        "it. I'm deeply sorry, and I'm asking for your forgiveness, though I "
        "know I have to earn it.",
        {R, G, F},
    ),
    item(
        "I've been dismissive every time you've brought up the housework, and "
        "that's not okay. I'm sorry. I'll take over the laundry and the bins "
        "starting this week, and we can look at it again in a month.",
        {R, G, P, N},
    ),
    # Conditional apologies.
    item(
        "I'm sorry if I hurt you. I never meant for any of this to happen.",
        (),
        {COND, MIN},
    ),
    item(
        "If anything I did upset you, I apologise. I'll try to be more careful.",
        {N},
        {COND},
    ),
    item("I'm sorry for whatever I did to make you feel this way.", (), {COND, FEEL}),
    item(
        "If you were offended by what I said, then I'm sorry. That wasn't my "
        "intention.",
        (),
        {COND},
    ),
    item(
        "I apologise if my comments came across badly. I'll be more thoughtful.",
        {N},
        {COND},
    ),
    item("To the extent that I hurt you, I'm sorry.", (), {COND}),
    # "Sorry you feel".
    item("I'm sorry you feel that way.", (), {FEEL}),
    item(
        "I'm sorry you were upset by the photo. It was just a bit of fun.",
        (),
        {FEEL, MIN},
    ),
    item(
        "I'm sorry that you took it the wrong way. I'll explain myself better "
        "next time.",
        {N},
        {FEEL, BLAME},
    ),
    item("I'm sorry you're hurt. I can see this matters to you.", (), {FEEL}),
    item("I regret that you feel I let you down.", (), {FEEL}),
    # "Sorry, but".
    item("I'm sorry, but you know how stressed I've been at work.", {G, E}, {BUT}),
    item("I'm sorry I yelled, but you kept pushing and pushing.", {G, R}, {BUT, BLAME}),
    item("I apologise for being late, but the traffic was terrible.", {G, E}, {BUT}),
    item(
        "I'm sorry that I lied, but I only did it to protect you.",
        {G, R, E},
        {BUT, MIN},
    ),
    item("I regret how things went, but I still think I was right.", {G}, {BUT, PASS}),
    # Blaming the hurt partner.
    item("You made me so angry that I said things I didn't mean.", {R}, {BLAME}),
    item(
        "If you hadn't gone through my phone, none of this would have happened.",
        (),
        {BLAME},
    ),
    item(
        "I'm sorry, but you always do this. You never listen to me.", {G}, {BUT, BLAME}
    ),
    item(
        "Honestly, it's your fault too. You knew I was struggling and you didn't "
        "say anything.",
        (),
        {BLAME},
    ),
    item(
        "I messed up, I know. But you pushed me away for months, so what did "
        "you expect?",
        {R},
        {BLAME},
    ),
    # Minimising.
    item("It was just a few messages. It didn't mean anything.", (), {MIN}),
    item(
        "I'm sorry about the lunch with my ex. Honestly, it's not a big deal; we "
        "just talked about work.",
        {G},
        {MIN},
    ),
    item("You're overreacting. Nothing actually happened.", (), {MIN, BLAME}),
    item(
        "I'm sorry I was late again. It was only twenty minutes, though.",
        {G, R},
        {MIN},
    ),
    item(
        "I know I shouldn't have looked at your emails, but it was only for a minute.",
        {R},
        {MIN},
    ),
    # The passive "mistakes were made".
    item("Mistakes were made, and I think we both need to move on.", (), {PASS, PRESS}),
    item(
        "Things were said last night that shouldn't have been said. I regret that.",
        {G},
        {PASS},
    ),
    item("I'm sorry things got out of hand at dinner.", {G}, {PASS}),
    item("Trust was broken, and I'm sorry it happened.", {G}, {PASS}),
    item(
        "The money got moved around without us talking about it first. That's "
        "regrettable.",
        (),
        {PASS},
    ),
    # Mixed: a real apology with one deflection in it.
    item(
        "I lied about the trip, and I'm sorry. I'll tell you everything you want "
        "to know. But honestly, you've been so distant that I didn't know how to "
        "talk to you.",
        {R, G, P, E},
        {BLAME},
    ),
    item(
        "I broke our agreement about dating apps and I'm truly sorry. I've "
        "deleted the app. It was only out of boredom, it never went anywhere.",
        {R, G, P, E},
        {MIN},
    ),
    item(
        "I'm sorry if my silence hurt you. I shut down because I was scared. "
        "I'll tell you when I need space instead of disappearing.",
        {R, E, N},
        {COND},
    ),
    item(
        "I cancelled on you three times this month. That's my fault and I'm "
        "sorry, but work has been insane.",
        {R, G, E},
        {BUT},
    ),
    item(
        "I should have told you about the loan. I'm sorry you had to find out "
        "from the bank. Mistakes were made on both sides, though.",
        {R},
        {FEEL, PASS, BLAME},
    ),
    item(
        "I read your texts, and I know that was wrong. I'm sorry. I won't do it "
        "again. I just panicked, it's not like I read all of them.",
        {R, G, N, E},
        {MIN},
    ),
    item(
        "I'm so sorry I forgot to pick you up. I feel terrible. Let me pay for "
        "the taxi, and next time I'll set a reminder.",
        {R, G, P, N},
    ),
    item(
        "I'm sorry I went behind your back. You were right to be angry. But if "
        "you hadn't been so controlling, I wouldn't have needed to.",
        {G, R},
        {BLAME},
    ),
]

ROUND_1 = [
    item(
        "I went through your bag looking for the receipt. It was a violation of "
        "your privacy and I'm sorry. I've been insecure since the summer, which "
        "isn't your burden. I won't search your things again. Is there anything "
        "I can do to make this easier for you?",
        {R, G, E, N, P},
    ),
    item(
        "I made a promise to be at your mum's birthday and I didn't show up. I "
        "let you and your family down. I'm so sorry. I'll phone your mum "
        "tomorrow to apologise to her myself.",
        {R, G, P},
    ),
    item(
        "What I did was selfish. I spent our holiday savings without asking you, "
        "and I have no excuse. I regret it. I've transferred what's left back, "
        "and I'll pay the rest back from my wages each month. Please forgive me "
        "when you're ready.",
        {R, G, P, F},
    ),
    item("Sorry if I came on too strong last night.", (), {COND}),
    item("If my joke upset you, I'm sorry, it was meant kindly.", (), {COND, MIN}),
    item("I'm sorry you feel I wasn't there for you.", (), {FEEL}),
    item("I'm sorry you've been feeling so neglected lately.", (), {FEEL}),
    item(
        "I am sorry about Friday, but you have to admit you were drinking too.",
        {G},
        {BUT, BLAME},
    ),
    item("I apologise, but I honestly don't remember saying that.", {G}, {BUT}),
    item(
        "You pushed me into a corner and I reacted. What was I supposed to do?",
        (),
        {BLAME},
    ),
    item(
        "If you'd told me how much it mattered, I would never have done it.",
        (),
        {BLAME},
    ),
    item("I'm sorry, but you started it.", {G}, {BUT, BLAME}),
    item(
        "It was one drink with a colleague. I don't see why it's such a big deal.",
        (),
        {MIN},
    ),
    item("I only looked at your phone for a second, nothing serious.", {R}, {MIN}),
    item("Some hurtful things were said on both of our parts.", (), {PASS, BLAME}),
    item("I'm sorry the messages were hidden from you.", {G}, {PASS}),
    item(
        "Lines got crossed and feelings got hurt. I hope we can move past it.",
        (),
        {PASS, PRESS},
    ),
    item(
        "I lied to you about seeing him, and I'm truly sorry for it. It was only "
        "coffee, but I should have told you. From now on I'll tell you before, "
        "not after.",
        {R, G, N},
        {MIN},
    ),
    item(
        "I hurt you by keeping secrets, and I'm sorry if it feels like I can't be "
        "trusted. I'll answer any question you have.",
        {P},
        {COND},
    ),
    item(
        "I'm sorry I kept the truth from you for so long. It was cowardly of me. "
        "I was afraid of losing you. I know I can't undo it, but I will be "
        "honest with you from here on. If you can, I'd like your forgiveness.",
        {G, R, E, N, F},
    ),
    item(
        "I ignored your calls all weekend because I was angry. That wasn't fair "
        "to you. I'm sorry. Next time I need space, I'll say so instead of going "
        "silent.",
        {R, E, G, N},
    ),
    item(
        "I'm sorry you think I'm a liar. You're being paranoid.", (), {FEEL, BLAME, MIN}
    ),
]

DEV = DEV + ROUND_1

# The second held-out set, measured once without tuning (docs/apology-checker.md
# listed its misses to guide the next revision), so it is development text now.
ROUND_2 = [
    item(
        "I shouldn't have shouted at you in the car. I was exhausted and I let it "
        "spill onto you. I'm sorry, love. Tomorrow I'll drive, and you can have a "
        "lie-in.",
        {R, E, G, P},
    ),
    item(
        "I deleted the texts so you wouldn't see them. That was deceitful, and "
        "it's on me. I'm sorry for hiding them. If you want to read what's left, "
        "I'll show you. I'm not going to hide things from you again.",
        {R, G, P, N},
    ),
    item("Apologies if that message seemed harsh.", (), {COND}),
    item("I'm sorry if you felt ignored at the party.", (), {COND, FEEL}),
    item("Sorry that you're disappointed in me.", (), {FEEL}),
    item(
        "I really am sorry, but I needed a night out with my friends.",
        {G, E},
        {BUT},
    ),
    item(
        "Sorry, but if you'd picked up your phone I wouldn't have had to go "
        "looking for you.",
        {G},
        {BUT, BLAME},
    ),
    item(
        "I wouldn't have lied if you didn't get so angry every time I tell you "
        "something.",
        (),
        {BLAME},
    ),
    item(
        "You know I hate surprises, so honestly this is on you as much as me.",
        (),
        {BLAME},
    ),
    item(
        "It was a silly comment, I don't know why you're so upset about it.",
        (),
        {MIN, BLAME},
    ),
    item("We only kissed once, it's hardly an affair.", (), {MIN}),
    item("A promise got broken, and I'm sorry about that.", {G}, {PASS}),
    item("Your trust was damaged by what happened in March.", (), {PASS}),
    item(
        "I cheated on you. There's no softer way to say it. I'm sorry for the "
        "pain I've caused you. I've ended all contact with her, and I'll answer "
        "every question you have, for as long as you need.",
        {R, G, P},
    ),
    item(
        "I made fun of your accent in front of my boss. It was unkind, and I'm "
        "ashamed. I'll tell him on Monday that it was out of order. I'll never "
        "do that again. I'd understand if you can't forgive me yet.",
        {R, G, P, N},
    ),
    item(
        "I kept our savings account secret from you. I was wrong. The reason was "
        "fear of losing control, and that's something I need to work on. I've "
        "added you to the account today.",
        {R, E, N, P},
    ),
    item(
        "I'm sorry I didn't defend you at dinner. I froze. But you know what my "
        "family is like.",
        {G, R},
    ),
    item(
        "I broke your grandmother's vase and hid it from you, which was "
        "cowardly. I'm so sorry. I'll replace it if I can, though it was just a "
        "vase in the end.",
        {R, G, P},
        {MIN},
    ),
    item(
        "I forgot our anniversary and I have no excuse. I'm sorry you had such a "
        "rotten evening because of me. I'll make it up to you this weekend.",
        {R, G, P},
    ),
    item("My fault. I'm sorry. It won't happen again.", {R, G, N}),
]

# Round 3, for issue 10 item 20: development examples for the deflections the
# checker missed (blame that turns the fault back, minimising by intent or by
# size, outcomes with no actor, and pressure to be forgiven or to move on),
# with hard cases that must raise nothing. Written apart from the held-out set
# in apology_heldout.py, in other words, and used for tuning.
ROUND_3 = [
    # Blame: tit for tat, who began it, what they should have done instead.
    item(
        "I'm sorry I went quiet on you, but you did exactly the same to me at "
        "Christmas.",
        {G, R},
        {BUT, BLAME},
    ),
    item(
        "Yes, I checked your emails. You read my diary when we first moved in, "
        "so now we're square.",
        {R},
        {BLAME},
    ),
    item("I raised my voice, I know. You raised yours first.", {R}, {BLAME}),
    item("Who started shouting first, though? It wasn't me.", (), {BLAME}),
    item(
        "I forgot the tickets. Next time you should remind me the night before, "
        "like you used to.",
        {R},
        {BLAME},
    ),
    item(
        "I'm sorry about Saturday. You ought to have told me you were coming "
        "home early.",
        {G},
        {BLAME},
    ),
    item(
        "I'm sorry the kids saw us fight. Still, you were the one who kept "
        "pushing me in front of them.",
        {G},
        {BLAME},
    ),
    item(
        "I know I lied about the job. But you'd have done exactly the same in "
        "my shoes.",
        {R},
        {BLAME},
    ),
    item("I'm sorry about last night. Neither of us behaved well.", {G}, {BLAME}),
    item(
        "I'll say sorry when you say sorry for what you said to my sister.",
        (),
        {BLAME},
    ),
    item(
        "You can hardly complain, after the way you spoke to my friends last week.",
        (),
        {BLAME},
    ),
    # Minimising by good intent.
    item(
        "I meant well when I invited your dad over without asking.",
        (),
        {MIN},
    ),
    item(
        "My intentions were good. I wanted to save us money, that's why I "
        "cancelled the insurance.",
        {R, E},
        {MIN},
    ),
    item(
        "I was only trying to protect you by not telling you.",
        {E},
        {MIN},
    ),
    item("It was never meant to hurt you, it was banter.", (), {MIN}),
    item(
        "I didn't do it to upset you. It was supposed to be funny.",
        (),
        {MIN},
    ),
    # Minimising by size.
    item(
        "I'm sorry I kept you waiting. It was ten minutes at most.",
        {G, R},
        {MIN},
    ),
    item(
        "I spent a little from the holiday fund. Nothing we can't put back.",
        {R},
        {MIN},
    ),
    item(
        "It's hardly the worst thing I've done. I'm sorry I forgot.",
        {G, R},
        {MIN},
    ),
    item(
        "I apologise. In the end it's only money, and we'll earn it back.",
        {G},
        {MIN},
    ),
    item(
        "I know I said some harsh things, but words are just words.",
        {R},
        {MIN},
    ),
    item(
        "It was a quick coffee with her, barely half an hour, and I didn't tell "
        "you. Sorry.",
        {G, R},
        {MIN},
    ),
    # Outcomes with no actor.
    item("Some things got broken while I was moving the furniture.", (), {PASS}),
    item("The rent money was used for something else. I'm sorry.", {G}, {PASS}),
    item(
        "Your password was shared with my brother, and I regret that.",
        {G},
        {PASS},
    ),
    item("The photo ended up online. I'm sorry.", {G}, {PASS}),
    item("Harsh words were exchanged, and I wish they hadn't been.", (), {PASS}),
    item(
        "The appointment got missed somehow. It won't happen again.",
        {N},
        {PASS},
    ),
    item(
        "Things escalated and the evening was ruined. Sorry about that.",
        {G},
        {PASS},
    ),
    item(
        "Your news came out before you were ready to share it. I feel awful.",
        {G},
        {PASS},
    ),
    # Pressure to be forgiven or to move on now.
    item("I've apologised. Can we just get past this now?", {G}, {PRESS}),
    item(
        "I'm sorry. Let's draw a line under it and have a nice evening.",
        {G},
        {PRESS},
    ),
    item("I said I'm sorry, what more do you want from me?", {G}, {PRESS}),
    item("You have to forgive me, I can't go on like this.", {F}, {PRESS}),
    item("Please stop bringing it up. I've said sorry.", {G}, {PRESS}),
    item(
        "I'm sorry about the weekend. Can we be normal again by tomorrow?",
        {G},
        {PRESS},
    ),
    item("Let's forget it ever happened, okay?", (), {PRESS}),
    item(
        "I'm really sorry I lied. I need you to forgive me today.",
        {G, R, F},
        {PRESS},
    ),
    item("It's water under the bridge now, isn't it? I'm sorry.", {G}, {PRESS}),
    item("I'm sorry I hurt you. Are we good?", {G, R}, {PRESS}),
    item(
        "I apologise for the scene I made. Let's move on, it's a new week.",
        {G},
        {PRESS},
    ),
    item("Sorry it bothered you so much.", (), {FEEL}),
    item("It was a minor slip, let's be honest.", (), {MIN}),
    item("I'm sorry you had to hear it from my mother.", (), {FEEL}),
    # Hard cases that must raise nothing.
    item(
        "I was told to keep it quiet, and I chose to do that instead of telling "
        "you. That was wrong. I'm sorry.",
        {R, G},
    ),
    item(
        "The money was spent by me, on things I hid from you. I'm sorry.",
        {R, G},
    ),
    item(
        "I was so embarrassed that I lied about it. I'm sorry.",
        {E, R, G},
    ),
    item(
        "I'm sorry I cheated. I don't expect you to move on quickly, and I'll "
        "be here while you work out what you need.",
        {G, R},
    ),
    item(
        "When you feel ready, I'd like to talk about how we go forward. I'm "
        "sorry for lying.",
        {P, G},
    ),
    item(
        "I hope you can forgive me one day, and if you can't, I'll understand.",
        {F},
    ),
    item("You did nothing to deserve this. I lied to you and I'm sorry.", {R, G}),
    item("None of this is your fault. I broke my word, and I'm sorry.", {R, G}),
    item(
        "You told me how much it mattered and I ignored it. I'm sorry.",
        {R, G},
    ),
    item(
        "You should never have had to ask twice. I'm sorry I didn't listen.",
        {G, R},
    ),
    item(
        "It wasn't a small thing to you, and I treated it like it was. I'm sorry.",
        {G},
    ),
    item(
        "I only realised afterwards how much it hurt you. I'm sorry I said it.",
        {G, R},
    ),
    item(
        "I just want you to know I'm sorry, and that I lied because I was scared.",
        {G, R, E},
    ),
    item(
        "I was out of line last night. The way I spoke to you was cruel and I'm "
        "sorry. I'll be calmer, and if I feel it rising I'll step outside for a "
        "minute.",
        {R, G, N},
    ),
    item(
        "I lost the ring you gave me, and I hid it for a week because I was "
        "ashamed. I'm so sorry. I've reported it and I'm checking every place "
        "I've been.",
        {R, E, G, P},
    ),
    item(
        "I'm sorry I missed the call with your parents. I got caught up at "
        "work, and that is no excuse. I've written to them to apologise, and "
        "I'll be there next Sunday.",
        {R, G, E, P, N},
    ),
    item(
        "I'm sorry. I broke the promise I made to you. You were counting on me "
        "and I didn't show up. I want to earn back your trust, however long it "
        "takes.",
        {G, R, P},
    ),
    item(
        "I betrayed you. I have no excuse. Nothing I say can undo it, and I'm "
        "not asking you to forgive me. I'll answer anything you want to ask.",
        {R, P},
    ),
    item(
        "What I said about your mother was hurtful and untrue. I was angry, and "
        "I took it out on you. I'm sorry. I'll tell her I was wrong, if you want "
        "me to.",
        {R, E, G, P},
    ),
    item(
        "I'm sorry I didn't stand up for you when my friends were laughing. I "
        "should have said something. Next time I will, whatever they think.",
        {G, R, N},
    ),
    item(
        "You asked me to stop and I didn't. That was a violation of your trust. "
        "I'm deeply sorry, and I'll do whatever you need to feel safe again.",
        {R, G, P},
    ),
    item(
        "I spent the money we'd saved for the car. I lied about it for months. "
        "I regret it, and I've set up a transfer from my wages to put it back.",
        {R, G, P},
    ),
    item(
        "I forgot to lock the door and the bike was stolen. That was my "
        "mistake, I'm sorry, and I'll replace it.",
        {R, G, P},
    ),
    item(
        "I kept the truth from you because I was afraid of losing you. That "
        "fear doesn't make it okay. I'm sorry, and from now on I'll be honest "
        "even when it's hard.",
        {R, E, G, N},
    ),
    item(
        "I hurt you, and I know sorry is only a first step. I'm going to show "
        "you with what I do.",
        {R, N},
    ),
]

DEV = DEV + ROUND_2 + ROUND_3

# Round 4: after the second held-out set in apology_heldout.py was measured
# (recall 0.47), its misses were read; these are new development examples of
# the same kinds of miss, in other words, written to widen the rules by
# structure rather than by phrase. A third held-out set measures the result.
ROUND_4 = [
    # Blame: "you" did it too, or did it first, or on purpose.
    item(
        "Fine, I went through your bag. You go through my phone every other night.",
        {R},
        {BLAME},
    ),
    item(
        "I'm sorry I slammed the door. Honestly, you push my buttons deliberately.",
        {G, R},
        {BLAME},
    ),
    item(
        "I admit I was late. You weren't exactly on time yourself last week.",
        {R},
        {BLAME},
    ),
    item("Don't forget you ignored me for two days before any of this.", (), {BLAME}),
    item("Sorry about Saturday, but it takes two to argue.", {G}, {BUT, BLAME}),
    item("I lost my temper, fine. You lost yours worse on Tuesday.", {R}, {BLAME}),
    item(
        "I know I forgot. You forget things all the time and I don't make a fuss.",
        {R},
        {BLAME},
    ),
    item("What do you expect when you leave the door open?", (), {BLAME}),
    item("I was harsh, but so were you.", {R}, {BLAME}),
    # Minimising: by intent, by a little time or money.
    item(
        "I was trying to be romantic, I didn't think you'd be bothered.",
        (),
        {MIN},
    ),
    item("It was a one-time thing.", (), {MIN}),
    item("It went on for maybe two minutes.", (), {MIN}),
    item("We're talking about a few quid here.", (), {MIN}),
    item("It was an innocent mistake, anyone could have made it.", (), {MIN}),
    item("I honestly thought you wouldn't care.", (), {MIN}),
    # Passive: negative and "got" passives, things that went by themselves.
    item("The rent wasn't paid on time, and I'm sorry.", {G}, {PASS}),
    item("Your keys got handed to the wrong person.", (), {PASS}),
    item("The savings have gone, and I'm sorry.", {G}, {PASS}),
    item("Your favourite mug got chipped.", (), {PASS}),
    item("Sorry about what happened at the barbecue.", {G}, {PASS}),
    item("The booking went missing.", (), {PASS}),
    # Pressure: asking, now, to leave it.
    item("I'm sorry. Let's just let it go, yeah?", {G}, {PRESS}),
    item("Can we talk about something else now? I said sorry.", {G}, {PRESS}),
    item("I need things back to how they were by Friday.", (), {PRESS}),
    item("Please stop being angry with me, I've apologised.", {G}, {PRESS}),
    item("Can we just leave it there? I'm sorry.", {G}, {PRESS}),
    item("It's time to put this to bed.", (), {PRESS}),
    # Sorry for the feeling a thing of theirs caused.
    item("I'm sorry my joke upset you.", (), {FEEL}),
    item("I'm sorry my decision bothered you so much.", (), {FEEL}),
    # Hard cases that must raise nothing.
    item(
        "You've been patient with me too many times, and I let you down again. "
        "I'm sorry.",
        {R, G},
    ),
    item(
        "You said you felt alone, and you were right: I wasn't there. I'm sorry.",
        {R, G},
    ),
    item("You deserved to hear it from me first. I'm sorry.", {G}),
    item("You asked me twice to stop, and I didn't. I'm sorry.", {R, G}),
    item("For weeks I let you believe it was fine. I'm sorry.", {R, G}),
    item(
        "It took me ten minutes to realise how much I'd hurt you, and I'm sorry.",
        {R, G},
    ),
    item("I got carried away and said things I regret.", {E, R, G}),
    item("We got married ten years ago today, and I forgot. I'm so sorry.", {R, G}),
    item(
        "The kids got upset when they heard us, and that's on me. I'm sorry.",
        {R, G},
    ),
    item("I'll leave it to you to decide when we talk about it. I'm sorry.", {G}),
    item("I don't want you to pretend it's fine for my sake. I'm sorry.", {G}),
    item("I'll stop bringing my work stress home. I'm sorry.", {N, G}),
]

DEV = DEV + ROUND_4

# Round 5: after the third held-out set was measured (recall 0.47) its misses
# were read; these are new development examples of the same kinds of miss and
# of its false flags, in other words. A fourth held-out set measures the
# result.
ROUND_5 = [
    # Blame without a marker word: what they did not do, or "if you were…".
    item("His brother started it, and you just stood there.", (), {BLAME}),
    item(
        "I'm sorry I got it wrong. If you'd been clearer, I wouldn't have.",
        {G},
        {BLAME},
    ),
    item(
        "If you were home more, I wouldn't get so lonely.",
        (),
        {BLAME},
    ),
    item("I was out of line. Mind you, you're no saint.", {R}, {BLAME}),
    item("I know I snapped. You'd have snapped too.", {R}, {BLAME}),
    item(
        "I forgot the bins again. You never reminded me, though.",
        {R},
        {BLAME},
    ),
    # Minimising without a size word: only glanced, meant it as, not on purpose.
    item("I only glanced at it.", (), {MIN}),
    item("I meant it as a tease, nothing more.", (), {MIN}),
    item("It wasn't intentional, I promise.", (), {MIN}),
    item("I was only away one night.", (), {MIN}),
    item("Don't turn it into a big deal.", (), {MIN}),
    # Pressure as an ordinary request to be done now.
    item("Are we finished with this yet?", (), {PRESS}),
    item("Can we just have a normal dinner now?", (), {PRESS}),
    item("Tell me you forgive me and we'll say no more.", {F}, {PRESS}),
    item("Kiss and make up?", (), {PRESS}),
    item("Can the cold shoulder end now? I'm sorry.", {G}, {PRESS}),
    item("I'm sorry. Let's not drag this out.", {G}, {PRESS}),
    # Passive with an adverb, or a participle the list lacked.
    item("The letter was never posted. I'm sorry.", {G}, {PASS}),
    item("Your draft was copied into my report.", (), {PASS}),
    # Hard cases that must raise nothing.
    item(
        "I'll call every night, even if it's only to say goodnight. I'm sorry.",
        {G},
    ),
    item("I dropped your phone and the screen got cracked. I'm sorry.", {R, G}),
    item("I'll leave it switched off from now on. I'm sorry.", {N, G}),
    item(
        "I need to get organised, and I will. I'm sorry I forgot.",
        {G, R},
    ),
    item("Can we talk tonight, if you feel up to it? I'm sorry.", {G}),
    item("Can we sit down now and go through what I did? I'm sorry.", {G}),
    item("You never asked for any of this. I'm sorry.", {G}),
]

DEV = DEV + ROUND_5
