"""What Alex and Sam answer to each question the demo asks.

Keyed by the question's stable key in the deck (`troth/questions/deck.py`);
the demo asks only these. Each answer answers its own question, in its
author's voice: Alex is brief and practical, with a dry joke now and then;
Sam takes longer, thinks aloud and names feelings. Both are written for
Troth's demo, in our own words.

The details hang together with the rest of the demo: Sunday breakfast,
phone-free Friday evenings, the walk after dinner, Sam's mum, Alex's dad and
his shed, Sam having moved school three times.
"""

from __future__ import annotations

ANSWERS: dict[str, dict[str, str]] = {
    # Warming up
    "1.past.1": {
        "alex": "Dad letting me hold the torch while he fixed the car. I was useless, but he kept saying he couldn't do it without me. I think that's why I still like helping.",
        "sam": "Dancing on my aunt's feet at a wedding when I was about six. Everyone was laughing and I didn't feel shy for once. It stays because I so rarely felt that loose as a kid.",
    },
    "1.past.2": {
        "alex": "The night the restaurant lost our booking and we ended up eating chips on the wall outside. You didn't mind at all, so I stopped minding.",
        "sam": "When I fell asleep on your sofa on our third date and woke up with a blanket over me. I was mortified for about a minute and then just felt safe.",
    },
    "1.past.5": {
        "alex": "Anything by the Stone Roses. Sixteen, first summer job, first money of my own. It brings back feeling grown up before I was.",
        "sam": "The song they played in the car on every move we made. It brings back that mix of dread and excitement of a new town, a new school, a new me.",
    },
    "1.present.1": {
        "alex": "Fixing the wobbly shelf on the first try. Small victory, I'll take it.",
        "sam": "A colleague I helped last month thanked me in front of everyone. I went pink, but it stayed with me all afternoon.",
    },
    "1.present.3": {
        "alex": "Saturday mornings before anyone needs anything from me. Coffee, radio, nobody asking.",
        "sam": "On our Friday evenings with the phones away. I stop performing and just talk.",
    },
    "1.present.5": {
        "alex": "Leaving work on time. If I say it here I might actually do it.",
        "sam": "Ten quiet minutes with you before the day starts, before either of us opens the laptop.",
    },
    "1.future.2": {
        "alex": "Train to the coast, long walk, fish and chips, back the same night. No plans beyond that.",
        "sam": "A cabin somewhere with no signal, books, rain on the roof and long breakfasts. I'd want us to have nowhere to be.",
    },
    "1.future.4": {
        "alex": "Pancakes on the first Sunday of every month. I'll even learn to flip them.",
        "sam": "Writing each other a short letter on New Year's Eve and opening last year's. I love the idea of reading who we were.",
    },
    "1.fears.1": {
        "alex": "Whether the car will pass its service. Boring, but it kept nagging at me.",
        "sam": "That I'd upset my sister by missing her call. I kept rehearsing an apology she probably doesn't need.",
    },
    "1.fears.2": {
        "alex": "Phoning someone I don't know. I write a little script first. What helps is doing it straight away, before I think too much.",
        "sam": "Walking into a party where I only know the host. It helps when you stay near me for the first half hour, until I find my feet.",
    },
    "1.hopes.2": {
        "alex": "Getting the flat sorted and us having one proper holiday. That would be a good year.",
        "sam": "Feeling less rushed, and being able to say I looked after myself and us, not only work.",
    },
    "1.hopes.4": {
        "alex": "Quiet, warm, something in the oven. You reading, me pretending to read.",
        "sam": "Like somewhere we can both drop our shoulders. Music low, the good lamp on, nobody keeping score.",
    },
    "1.appreciation.1": {
        "alex": "When you texted my dad happy birthday before I'd remembered. I said thanks, but it meant more than that.",
        "sam": "When you warmed the car up before my early shift. I said it was sweet, but honestly I felt really looked after.",
    },
    "1.appreciation.2": {
        "alex": "You always put the keys in the bowl. I've lost fewer things since I met you than in ten years before.",
        "sam": "You fill up the water jug every night without saying anything. Tiny, but it makes my mornings smoother.",
    },
    "1.trust.4": {
        "alex": "My dad turned up to every one of my football matches, even the freezing ones. He'd said he would, so he did.",
        "sam": "A teacher once promised to write to me after we moved, and she actually did, for two years. I still have the letters.",
    },
    "1.trust.5": {
        "alex": "Knowing you'll tell me if something's up, so I don't have to guess.",
        "sam": "When you don't rush me. If I can take my time getting to the point, I unclench.",
    },
    # Going deeper
    "2.past.1": {
        "alex": "Love in my family meant doing things: lifts, repairs, food. Nobody said it. I kept the doing, and I'm trying to add the saying.",
        "sam": "We hugged a lot but never talked about anything hard. I've kept the hugs and I'm slowly learning to talk when it matters.",
    },
    "2.past.2": {
        "alex": "Sitting in the hospital car park with you after your mum's scan. Neither of us said much. I've never felt closer to anyone.",
        "sam": "When you told me about your dad's drinking. You didn't have to, and I felt trusted with something precious.",
    },
    "2.past.3": {
        "alex": "At school everyone thought I didn't care because I was quiet. I needed someone to ask instead of assuming.",
        "sam": "In my first job, when I cried in a meeting and my manager called it unprofessional. I needed someone to see I was exhausted, not weak.",
    },
    "2.past.5": {
        "alex": "At home arguments were loud and then never mentioned again. I still want to get them over with fast, and I know that isn't always fair on you.",
        "sam": "My parents went silent for days instead of arguing. I learned to read the air, and I still go quiet before I know I'm upset.",
    },
    "2.present.1": {
        "alex": "Work, clearly. Two people's jobs until they hire someone. I'm fine, but I'm tired in a way sleep doesn't fix.",
        "sam": "Between my mum's appointments and work. I keep thinking I should be coping better, and then I feel guilty for feeling stretched.",
    },
    "2.present.2": {
        "alex": "My work, honestly. I know it's dull, but it's most of my day.",
        "sam": "How I'm feeling about my family. I never know when it's okay to bring it up.",
    },
    "2.present.4": {
        "alex": "When you notice I'm quiet and ask, and then actually wait for the answer.",
        "sam": "When you tell other people about something I did well. Hearing it secondhand gets me every time.",
    },
    "2.future.2": {
        "alex": "Stop trying to fix it in the first five minutes. Ask what you need first.",
        "sam": "Say I need a break instead of going silent, and then actually come back to it.",
    },
    "2.future.3": {
        "alex": "Being more patient. You could tell me when I'm rushing you, gently, and I'll try not to get defensive.",
        "sam": "Confidence at work. It would help if you kept reminding me of the things I've already done well.",
    },
    "2.fears.2": {
        "alex": "Money. Whether we'll ever manage to buy somewhere. I run the numbers more often than I admit.",
        "sam": "Whether I'll be able to look after my mum if she gets worse, and still have a life of my own.",
    },
    "2.fears.5": {
        "alex": "Being told I'm not pulling my weight. Probably because I try so hard to.",
        "sam": "Being called too sensitive. It makes me feel that the way I'm made is the problem.",
    },
    "2.hopes.1": {
        "alex": "That when I go quiet I'm thinking, not angry. Usually.",
        "sam": "That when I ask lots of questions I'm not doubting you. It's how I get close.",
    },
    "2.hopes.4": {
        "alex": "Fair, mostly. I'd like neither of us to feel like we're keeping a tally.",
        "sam": "Like a team, not a rota. I'd love for neither of us to feel like the one who notices everything.",
    },
    "2.appreciation.1": {
        "alex": "You tell me when something's wrong instead of leaving me to work it out. I never have to guess where I stand.",
        "sam": "You stay calm when I'm spiralling. You don't catch my panic, you just sit with me until it passes.",
    },
    "2.appreciation.2": {
        "alex": "When I was made redundant and you sat down with me that same night and made a plan. I felt a lot less lost.",
        "sam": "When you drove three hours to be with me after the funeral. You just came, without me asking.",
    },
    "2.trust.2": {
        "alex": "When it's something I think I should manage alone. Inside it's a mix of pride and not wanting to be a bother.",
        "sam": "When you already look busy. I start telling myself I'm interrupting and talk myself out of asking.",
    },
    "2.trust.3": {
        "alex": "Doing what you said, when you said. Calling when you said you'd call.",
        "sam": "Remembering the small things I've mentioned, and a message when plans change, even a short one.",
    },
    # Close to the heart
    "3.past.1": {
        "alex": "My parents' divorce. I learned to keep people at arm's length in case they leave, and I still notice myself doing it.",
        "sam": "Being left out by a best friend at fourteen. I still brace myself a little for being dropped, even with you.",
    },
    "3.past.3": {
        "alex": "The night of your promotion, when I was tired and flat about it. I'd want to open the bottle and tell you how proud I was.",
        "sam": "Our first real fight, when I walked out. I'd stay and say I was scared instead.",
    },
    "3.past.5": {
        "alex": "Someone who asked how I was and meant it. Everybody was coping and nobody was asking.",
        "sam": "To stay somewhere long enough to belong. Every time I made a friend, we moved.",
    },
    "3.present.2": {
        "alex": "To be let in on the hard days with your mum, even when you think you're protecting me.",
        "sam": "Reassurance that you're not going anywhere when I'm at my most difficult. I know it, but I need to hear it.",
    },
    "3.present.3": {
        "alex": "When I handle the practical things and it goes unnoticed. It isn't glamorous, but it's how I show up.",
        "sam": "When I'm struggling quietly and it gets read as me being fine.",
    },
    "3.present.5": {
        "alex": "The talk about where we'll live in five years. We keep starting it and stopping it.",
        "sam": "The argument in spring about your job. We stopped arguing, but I don't think we finished it.",
    },
    "3.future.2": {
        "alex": "Two people sharing a calendar and a mortgage and nothing else.",
        "sam": "Polite. That's my fear: that we become polite with each other.",
    },
    "3.future.3": {
        "alex": "Honestly and without martyrdom. Get help in when we need it, and keep laughing at each other.",
        "sam": "Gently. I'd want us to still be a couple, not only patient and carer, and to ask before deciding things for each other.",
    },
    "3.future.5": {
        "alex": "That I tried. Even when I got it wrong, I was trying.",
        "sam": "How much I loved being loved by you. And that I was funnier than people gave me credit for.",
    },
    "3.fears.1": {
        "alex": "That one day you'll decide I'm not enough, and I won't have seen it coming.",
        "sam": "That I'll wear you out. That you'll get tired of reassuring me.",
    },
    "3.fears.3": {
        "alex": "Early on, when you cried and I panicked and went cold. I think that taught you not to bring big feelings to me for a while.",
        "sam": "After the dinner with your friends, when I didn't want to seem needy. Nothing you did. It was my fear of being too much.",
    },
    "3.hopes.1": {
        "alex": "Own it straight away, no speeches, and then show me over time rather than promising.",
        "sam": "Come back to it, even when it's awkward. Not let it quietly disappear.",
    },
    "3.hopes.2": {
        "alex": "That we're still each other's first call, whatever happens.",
        "sam": "That we grow old still curious about each other, still asking questions like these.",
    },
    "3.hopes.3": {
        "alex": "'I've got this, go to bed.'",
        "sam": "That I don't have to earn your love on that day. That it's just there.",
    },
    "3.appreciation.1": {
        "alex": "How you think out loud. At first it overwhelmed me. Now the house feels too quiet when you're away.",
        "sam": "Your steadiness. I mistook it for distance at first. Now it's the thing I lean on most.",
    },
    "3.appreciation.3": {
        "alex": "The night I told you about losing the job and you just said, 'Okay, we'll work it out.' No judgement at all.",
        "sam": "When I showed you my worst panic and you didn't flinch or try to fix me.",
    },
    "3.trust.1": {
        "alex": "When you told me about the debt before I found out any other way. It was a relief, more than anything.",
        "sam": "When you came with me to my mum's appointment without being asked. Something in me settled for good.",
    },
    "3.trust.3": {
        "alex": "To know you won't bring it up in an argument later. Honesty costs less then.",
        "sam": "To know you won't go quiet on me afterwards. Silence feels like punishment to me, even when you don't mean it that way.",
    },
}

# Sam's own questions: what she asked, at what level, and both answers.
OWN: list[tuple[str, int, dict[str, str]]] = [
    (
        "Which of our rituals would you miss most if it stopped?",
        1,
        {
            "alex": "Sunday breakfast. It's the one hour of the week nobody can book.",
            "sam": "The walk after dinner. It's where we say the things that don't fit anywhere else.",
        },
    ),
    (
        "What is one thing I could do this month to make you feel more at home with me?",
        2,
        {
            "alex": "Leave a bit of your stuff at my place on purpose, not by accident. Make it ours.",
            "sam": "Tell me about your day before I have to ask. It makes me feel part of it.",
        },
    ),
]

# A partner's note once both answers are revealed, written to the other's
# answer to that question: (who writes it, what they write). Each is used
# once at most, so no note repeats.
FOLLOWUPS: dict[str, tuple[str, str]] = {
    "1.past.2": (
        "alex",
        "I'd forgotten the blanket. For the record, you snored a bit.",
    ),
    "1.future.4": (
        "alex",
        "Letters on New Year's Eve: yes. I'll do pancakes, you do the envelopes.",
    ),
    "1.fears.2": (
        "sam",
        "I had no idea you write scripts before phone calls. Next time, want to practise on me?",
    ),
    "1.appreciation.2": (
        "alex",
        "The water jug thing: I thought you'd never noticed. Good to know.",
    ),
    "2.past.2": (
        "sam",
        "I think about that car park too. Thank you for not filling the silence.",
    ),
    "2.past.5": (
        "alex",
        "That explains a lot about our first rows. I'll try to slow down, and you try to say something earlier?",
    ),
    "2.present.2": (
        "alex",
        "It's always okay to bring up your family. I'd rather hear it half-formed than not at all.",
    ),
    "2.hopes.4": (
        "sam",
        "No tally, agreed. Shall we sit down on Sunday and look at who does what, so neither of us has to count?",
    ),
    "2.trust.2": (
        "alex",
        "You're never interrupting. If I really am busy I'll say 'give me ten minutes'.",
    ),
    "3.present.5": (
        "alex",
        "You're right, we didn't finish it. Can we pick it up on Friday evening?",
    ),
    "3.future.2": (
        "sam",
        "A calendar, a mortgage and nothing else. That frightened me too. Let's not.",
    ),
    "3.hopes.3": (
        "sam",
        "Noted. And on your worst day I'll make the tea and not ask any questions.",
    ),
    "3.trust.3": (
        "alex",
        "I didn't know my going quiet felt like punishment. I'll tell you when I need time, and when I'll be back.",
    ),
    "3.appreciation.1": (
        "sam",
        "I didn't know the quiet bothered you when I'm away. I'll ring more.",
    ),
}
