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

DEV was written first and the patterns were developed against it. A first
held-out set was then written with the patterns frozen and measured once
(round 1 in docs/apology-checker.md); it exposed weak recall for blame and
minimising, so it joined DEV (ROUND_1 below) and the patterns were widened.
HELD_OUT is a second set written after that, measured without tuning; its
figures are the fairer estimate. Every set was written by the same person
who wrote the patterns, so even HELD_OUT flatters the checker.
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
        "I'm sorry if I hurt you. I never meant for any of this to happen.", (), {COND}
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
    item("I'm sorry that I lied, but I only did it to protect you.", {G, R, E}, {BUT}),
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
    item("Mistakes were made, and I think we both need to move on.", (), {PASS}),
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
        {R, G},
        {PASS, BLAME},
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
    item("If my joke upset you, I'm sorry, it was meant kindly.", (), {COND}),
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
        {PASS},
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

HELD_OUT = [
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
    item("I'm sorry if you felt ignored at the party.", (), {COND}),
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
