"""Guided prompts: a question to start from, so no entry starts on a blank
page, with an example of what an answer can look like.

Our own wording, for anyone: any gender, culture or age, living together or
apart, with or without children. A trigger prompt asks what helps, never to
tell the story of a hurt. Each prompt has a stable key so a link can name
it: never reuse a key or change what it asks. How to write one:
docs/content.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from troth.selfmap.models import Kind


@dataclass(frozen=True)
class Prompt:
    key: str
    kind: str
    question: Promise
    # An answer someone might write: a title and a sentence or two.
    example_title: Promise
    example: Promise


PROMPTS: tuple[Prompt, ...] = (
    # Boundaries
    Prompt(
        "b1",
        Kind.BOUNDARY,
        _("When do you need time to yourself, and how can your partner tell?"),
        _("Quiet time after work"),
        _(
            "When I get home I need about half an hour before I can talk "
            "properly. If I go quiet with a cup of tea, I'm recharging, not "
            "upset with you."
        ),
    ),
    Prompt(
        "b2",
        Kind.BOUNDARY,
        _("What is private for you, even inside your relationship?"),
        _("My journal is mine"),
        _(
            "My journal is just for me. It isn't about hiding anything; writing "
            "there is how I sort out my thoughts."
        ),
    ),
    Prompt(
        "b3",
        Kind.BOUNDARY,
        _("How do you want disagreements to be raised, and when not?"),
        _("No serious talks after 11 at night"),
        _(
            "I'd rather we didn't start a serious conversation late at night, "
            "when I'm tired. If it can wait, let's pick a time the next day."
        ),
    ),
    Prompt(
        "b4",
        Kind.BOUNDARY,
        _(
            "What about your body, your things or your phone should be asked "
            "about first?"
        ),
        _("Ask before reading my messages"),
        _(
            "Please ask before you pick up my phone, even just to look at a "
            "photo. I'll almost always say yes; being asked is what matters to "
            "me."
        ),
    ),
    Prompt(
        "b5",
        Kind.BOUNDARY,
        _("Which jokes or topics feel hurtful rather than playful to you?"),
        _("Jokes about my family"),
        _(
            "Jokes about my family land badly with me, even kind ones. I can "
            "laugh about most things, but not that."
        ),
    ),
    Prompt(
        "b6",
        Kind.BOUNDARY,
        _("What do you need to keep for friends, family or work, apart from us?"),
        _("Thursday evenings with my sister"),
        _(
            "Thursday evenings are for my sister and me. It helps me to know "
            "that time is protected."
        ),
    ),
    Prompt(
        "b7",
        Kind.BOUNDARY,
        _("How do you like to be hugged or held, and when would you rather not be?"),
        _("Hugs, but not mid-task"),
        _(
            "I love a hug when we first see each other. When I'm concentrating "
            "on something, a hand on my shoulder is plenty."
        ),
    ),
    Prompt(
        "b8",
        Kind.BOUNDARY,
        _(
            "How much of your day do you like to tell, and when does a question "
            "feel like too much?"
        ),
        _("Highlights first, details later"),
        _(
            "I'm glad to tell you about my day, just not a full report the "
            "moment I arrive. Ask me again after we've eaten and you'll hear "
            "more."
        ),
    ),
    Prompt(
        "b9",
        Kind.BOUNDARY,
        _("What do you need when guests come to stay or drop by?"),
        _("A heads-up before guests"),
        _(
            "Please ask me before inviting people over, even close friends. A "
            "day's notice lets me look forward to it instead of feeling caught "
            "out."
        ),
    ),
    Prompt(
        "b10",
        Kind.BOUNDARY,
        _("Which spending would you like to talk about before it happens?"),
        _("Big purchases together"),
        _(
            "Anything that costs more than a week's food, I'd like us to talk "
            "about first. Small things, buy without asking."
        ),
    ),
    Prompt(
        "b11",
        Kind.BOUNDARY,
        _(
            "Which stories about you or the two of you are fine to tell others, "
            "and which are not?"
        ),
        _("Our arguments stay ours"),
        _(
            "Funny stories about us are fine to tell. Our arguments and "
            "anything about my health stay between us."
        ),
    ),
    Prompt(
        "b12",
        Kind.BOUNDARY,
        _("What do you need around sleep and bedtime?"),
        _("Lights out by eleven on weeknights"),
        _(
            "On work nights I need to be asleep by eleven. If you're up later, "
            "I'd love the room to stay dark and quiet."
        ),
    ),
    Prompt(
        "b13",
        Kind.BOUNDARY,
        _("How would you like to be told when you have got something wrong?"),
        _("Tell me plainly, and in private"),
        _(
            "If I've got something wrong, tell me plainly and when we're on our "
            "own. I take it much better when it isn't in front of other people."
        ),
    ),
    Prompt(
        "b14",
        Kind.BOUNDARY,
        _(
            "When you are ill or worn out, what would you rather your partner "
            "did not do?"
        ),
        _("Don't fuss"),
        _(
            "When I'm ill I want quiet and a glass of water nearby, not lots of "
            "questions. Looking in on me now and then is plenty."
        ),
    ),
    Prompt(
        "b15",
        Kind.BOUNDARY,
        _(
            "What is fine to post online about you, and what would you rather "
            "stayed offline?"
        ),
        _("Ask before posting my photo"),
        _(
            "Photos of us are fine once I've seen them. Please don't post where "
            "we are while we're still there."
        ),
    ),
    Prompt(
        "b16",
        Kind.BOUNDARY,
        _("How do you feel about sharing food, clothes and other belongings?"),
        _("My favourite coat stays mine"),
        _(
            "Share my food any time. My work clothes and my favourite coat I'd "
            "rather keep to myself."
        ),
    ),
    Prompt(
        "b17",
        Kind.BOUNDARY,
        _(
            "What pace feels right to you for big steps, like moving, meeting "
            "family or making plans?"
        ),
        _("One step at a time"),
        _(
            "I like to take big steps slowly and talk them through more than "
            "once. Being rushed makes me doubt things I actually want."
        ),
    ),
    Prompt(
        "b18",
        Kind.BOUNDARY,
        _("When you say no to something, how would you like that no to be received?"),
        _("A no without a debate"),
        _(
            "When I say no to a plan, I'd like that to be fine without a long "
            "discussion. I'll tell you why if I can, but I don't always know "
            "straight away."
        ),
    ),
    Prompt(
        "b19",
        Kind.BOUNDARY,
        _(
            "How often do you like to hear from each other during the day, and "
            "when is it too much?"
        ),
        _("A message at lunch is lovely"),
        _(
            "A message or two in the day is lovely. If I don't answer quickly, "
            "I'm busy, not upset."
        ),
    ),
    Prompt(
        "b20",
        Kind.BOUNDARY,
        _(
            "Which parts of your past are you glad to talk about, and which "
            "would you rather leave for now?"
        ),
        _("Not ready to talk about my last relationship"),
        _(
            "I'm happy to talk about where I grew up. My last relationship I'd "
            "rather leave for now; I'll bring it up when I'm ready."
        ),
    ),
    Prompt(
        "b21",
        Kind.BOUNDARY,
        _("What does respecting your beliefs, faith or traditions look like to you?"),
        _("My quiet mornings"),
        _(
            "I start each morning with half an hour of quiet, for prayer or "
            "just for thinking. I don't need you to join in, only to leave me "
            "that time."
        ),
    ),
    Prompt(
        "b22",
        Kind.BOUNDARY,
        _("How would you like choices about your own body and health to be made?"),
        _("My health choices are mine"),
        _(
            "I value your opinion about my health and I want to hear it. The "
            "final say about my own body is mine."
        ),
    ),
    Prompt(
        "b23",
        Kind.BOUNDARY,
        _("Which times of work, study or caring for others should not be interrupted?"),
        _("Headphones on means I'm focused"),
        _(
            "When I have my headphones on at the desk, I'm in the middle of "
            "something. Unless it's urgent, a note or a message is better than "
            "a tap on the shoulder."
        ),
    ),
    Prompt(
        "b24",
        Kind.BOUNDARY,
        _(
            "At a party or a family gathering, how would you like to handle one "
            "of you wanting to leave first?"
        ),
        _("A signal to go home"),
        _(
            "If I say I'm getting tired, I'd like us to leave within half an "
            "hour, or for me to go ahead while you stay on."
        ),
    ),
    Prompt(
        "b25",
        Kind.BOUNDARY,
        _("In a disagreement, what tone is fine for you, and where is the line?"),
        _("No name-calling, ever"),
        _(
            "We can get loud and still be fine. Calling each other names, even "
            "in the heat of the moment, is over the line for me."
        ),
    ),
    Prompt(
        "b26",
        Kind.BOUNDARY,
        _(
            "When it comes to people or animals you look after, what would you "
            "like a say in?"
        ),
        _("Decisions about our dog"),
        _(
            "Vet visits and training are things I'd like us to agree on "
            "together. Day-to-day care, whoever is home can decide."
        ),
    ),
    # Triggers
    Prompt(
        "t1",
        Kind.TRIGGER,
        _("What tone of voice or words make you close up, and what do you feel then?"),
        _("Being talked to like a child"),
        _(
            "When someone explains things to me slowly, as if I can't follow, I "
            "go quiet and feel small. A plain, equal tone keeps me in the "
            "conversation."
        ),
    ),
    Prompt(
        "t2",
        Kind.TRIGGER,
        _("What situation brings back an old hurt, and what helps you then?"),
        _("Plans cancelled at the last minute"),
        _(
            "When plans fall through at the last minute, I feel let down more "
            "than the moment deserves. Hearing why, and when we'll try again, "
            "helps a lot."
        ),
    ),
    Prompt(
        "t3",
        Kind.TRIGGER,
        _("When do you feel left out or forgotten, and how does it show in you?"),
        _("Long silences when we are apart"),
        _(
            "If I don't hear from you for a whole day while you're away, I "
            "start to feel forgotten and get short with you. A quick message, "
            "even just a photo, settles me."
        ),
    ),
    Prompt(
        "t4",
        Kind.TRIGGER,
        _("What makes you feel criticised even when nobody meant it?"),
        _("Comments about how I do the housework"),
        _(
            "When something I've just done gets redone, like folding the "
            "washing, I feel criticised even if nobody meant it. Telling me "
            "your preference once, kindly, works better."
        ),
    ),
    Prompt(
        "t5",
        Kind.TRIGGER,
        _("When your body tenses before you know why, what helps you settle?"),
        _("Raised voices in the next room"),
        _(
            "Raised voices, even happy ones, make my shoulders tighten. "
            "Stepping outside for a few minutes, or a softer voice, helps me "
            "settle."
        ),
    ),
    Prompt(
        "t6",
        Kind.TRIGGER,
        _("What helps you when you feel rushed or hurried?"),
        _("Being hurried out of the door"),
        _(
            "When I'm hurried I get flustered and snappy. A five-minute warning "
            "before we need to leave makes all the difference."
        ),
    ),
    Prompt(
        "t7",
        Kind.TRIGGER,
        _("When you feel talked over, what helps you come back into the conversation?"),
        _("Being interrupted"),
        _(
            "If I'm interrupted a few times, I stop talking altogether. A "
            "simple “sorry, go on” brings me right back."
        ),
    ),
    Prompt(
        "t8",
        Kind.TRIGGER,
        _(
            "When attention drifts to a screen while you are talking, what do "
            "you feel, and what would help?"
        ),
        _("Phones at the table"),
        _(
            "When you scroll while I'm telling you something, I feel like I'm "
            "not worth listening to. Putting the phone face down, even for a "
            "minute, tells me you're here."
        ),
    ),
    Prompt(
        "t9",
        Kind.TRIGGER,
        _(
            "When you feel compared with someone else, what would help you feel "
            "seen as yourself?"
        ),
        _("Being compared with others"),
        _(
            "Being compared with a friend or a sibling stings, even in fun. "
            "Hearing what you like about how I do things helps far more."
        ),
    ),
    Prompt(
        "t10",
        Kind.TRIGGER,
        _(
            "Which kind of surprise unsettles you rather than delights you, and "
            "what would help?"
        ),
        _("Surprise visitors"),
        _(
            "Unexpected guests put me on edge, even people I love. A message an "
            "hour ahead lets me enjoy them."
        ),
    ),
    Prompt(
        "t11",
        Kind.TRIGGER,
        _(
            "When money feels tight, what happens in you, and what helps you "
            "feel steady?"
        ),
        _("Unexpected bills"),
        _(
            "An unexpected bill makes me anxious for days. Sitting down "
            "together to make a plan, rather than brushing it off, calms me."
        ),
    ),
    Prompt(
        "t12",
        Kind.TRIGGER,
        _("When you feel you are not believed, what helps you stay calm?"),
        _("Being doubted"),
        _(
            "If I feel doubted, I get defensive fast. Hearing “help me "
            "understand” instead of “that's not true” keeps me calm enough to "
            "explain."
        ),
    ),
    Prompt(
        "t13",
        Kind.TRIGGER,
        _(
            "When a silence stretches on after a disagreement, what does it "
            "stir in you, and what helps?"
        ),
        _("Long silences after an argument"),
        _(
            "A long silence after we've disagreed makes me imagine the worst. "
            "Even “I need an hour, then let's talk” is enough to reassure me."
        ),
    ),
    Prompt(
        "t14",
        Kind.TRIGGER,
        _("What helps when you feel your effort goes unnoticed?"),
        _("Unnoticed effort"),
        _(
            "When I've worked hard on something and nobody mentions it, I start "
            "to feel invisible. A simple thank-you goes a long way."
        ),
    ),
    Prompt(
        "t15",
        Kind.TRIGGER,
        _("How do you react when you feel told what to do, and what helps instead?"),
        _("Being given orders"),
        _(
            "Orders make me dig my heels in, even when I agree. Being asked, or "
            "given a choice, lets me say yes."
        ),
    ),
    Prompt(
        "t16",
        Kind.TRIGGER,
        _(
            "When you are very tired or hungry, what sets you off more easily, "
            "and what helps?"
        ),
        _("Hungry and tired"),
        _(
            "When I'm hungry after a long day, small things feel huge. "
            "Something to eat before any serious talk is a genuinely good idea."
        ),
    ),
    Prompt(
        "t17",
        Kind.TRIGGER,
        _("What helps you when you feel out of your depth in a group or a new place?"),
        _("Parties where I know no one"),
        _(
            "In a room full of strangers I get anxious and stay close. Staying "
            "near me for the first half hour helps me relax and wander off on "
            "my own."
        ),
    ),
    Prompt(
        "t18",
        Kind.TRIGGER,
        _(
            "When you sense someone is disappointed in you, what happens in "
            "you, and what helps?"
        ),
        _("A disappointed sigh"),
        _(
            "A sigh or a look of disappointment hits me harder than words. "
            "Being told gently what's wrong is easier than guessing."
        ),
    ),
    Prompt(
        "t19",
        Kind.TRIGGER,
        _("Which days or seasons are hard for you, and what helps you through them?"),
        _("Early March"),
        _(
            "Early March is hard for me every year. I don't need to talk about "
            "why; a slower week and a little extra care help me through."
        ),
    ),
    Prompt(
        "t20",
        Kind.TRIGGER,
        _("When you feel blamed, what helps you stay open?"),
        _("Feeling blamed"),
        _(
            "When I feel blamed, I start defending myself before I've heard you "
            "out. Starting with “I felt...” rather than “you always...” helps "
            "me listen."
        ),
    ),
    Prompt(
        "t21",
        Kind.TRIGGER,
        _("What does being kept waiting stir in you, and what would help?"),
        _("Waiting without news"),
        _(
            "Waiting without knowing when you'll arrive makes me restless and "
            "then cross. A quick “running twenty minutes late” keeps me calm."
        ),
    ),
    Prompt(
        "t22",
        Kind.TRIGGER,
        _("When you notice jealousy in yourself, what helps you with it?"),
        _("A flash of jealousy"),
        _(
            "Sometimes I feel a flash of jealousy when you talk warmly about "
            "someone new. I try to name it to myself first; then a warm word "
            "from you helps it pass."
        ),
    ),
    Prompt(
        "t23",
        Kind.TRIGGER,
        _("What helps when the same old argument starts up again?"),
        _("The same old argument"),
        _(
            "When we circle back to the same argument, I lose hope fast. "
            "Agreeing to pause and come back with fresh ideas helps me stay "
            "hopeful."
        ),
    ),
    Prompt(
        "t24",
        Kind.TRIGGER,
        _("When noise, mess or too much going on overwhelms you, what helps?"),
        _("Too much at once"),
        _(
            "When the house is loud and cluttered, I get irritable without "
            "noticing. Ten quiet minutes in a tidy corner resets me."
        ),
    ),
    Prompt(
        "t25",
        Kind.TRIGGER,
        _("What early signs show you are getting upset, and what helps at that point?"),
        _("When I go very quiet"),
        _(
            "When I start answering in single words, I'm getting upset. That's "
            "a good moment to suggest a short break, not to push on."
        ),
    ),
    # Values
    Prompt(
        "v1",
        Kind.VALUE,
        _("What do you want people to be able to count on you for?"),
        _("Keeping my word"),
        _(
            "If I say I'll do something, I do it, even small things. I'd rather "
            "promise less and keep it all."
        ),
    ),
    Prompt(
        "v2",
        Kind.VALUE,
        _("What would you stand up for even when it costs you something?"),
        _("Telling the truth kindly"),
        _(
            "I'll say the honest thing even when it's awkward, and I try to say "
            "it gently. For me, kindness and truth belong together."
        ),
    ),
    Prompt(
        "v3",
        Kind.VALUE,
        _("What makes a day feel well spent to you?"),
        _("Time outdoors together"),
        _(
            "A good day has some time outside in it, ideally with you. A walk, "
            "a garden, a park bench: it all counts."
        ),
    ),
    Prompt(
        "v4",
        Kind.VALUE,
        _(
            "Which value did you take from your family, and which did you "
            "choose yourself?"
        ),
        _("Generosity with time"),
        _(
            "My family always had room at the table for one more, and I keep "
            "that. What I chose myself is to say no sometimes, so that my yes "
            "means something."
        ),
    ),
    Prompt(
        "v5",
        Kind.VALUE,
        _("What do you hope our home feels like to someone who walks in?"),
        _("A place where people are welcome"),
        _(
            "I hope anyone who comes in feels they can sit down and be "
            "themselves. Comfortable matters more to me than tidy."
        ),
    ),
    Prompt(
        "v6",
        Kind.VALUE,
        _("What does fairness between the two of you look like to you?"),
        _("Fair, not always equal"),
        _(
            "Fairness doesn't mean splitting everything down the middle. It "
            "means we both feel the load is shared over time."
        ),
    ),
    Prompt(
        "v7",
        Kind.VALUE,
        _("What place do learning and curiosity have in your life?"),
        _("Always learning something"),
        _(
            "I'm happiest when I'm learning something, whether it's a language "
            "or how to mend a bike. I'd love us to learn one new thing together "
            "each year."
        ),
    ),
    Prompt(
        "v8",
        Kind.VALUE,
        _("How do you like to care for the people around you, beyond the two of you?"),
        _("Showing up for friends"),
        _(
            "When a friend is going through something, I want to be there, with "
            "food or just company. I want us to be people others can lean on."
        ),
    ),
    Prompt(
        "v9",
        Kind.VALUE,
        _("What place do faith, spirituality or a sense of meaning have in your life?"),
        _("Something bigger than me"),
        _(
            "I'm not religious, but I feel most myself by the sea, thinking "
            "about how small we are. I want room for that kind of quiet in our "
            "life."
        ),
    ),
    Prompt(
        "v10",
        Kind.VALUE,
        _(
            "What does a good balance between work and the rest of life look "
            "like for you?"
        ),
        _("Work stays at work"),
        _(
            "I'm willing to work hard, but evenings and weekends are for "
            "living. I'd like work not to follow us into our time together."
        ),
    ),
    Prompt(
        "v11",
        Kind.VALUE,
        _("Which traditions or celebrations matter to you, and why?"),
        _("A long weekend meal"),
        _(
            "A long meal at the weekend, with whoever is around, is a tradition "
            "I want to keep. It's how I grew up feeling connected."
        ),
    ),
    Prompt(
        "v12",
        Kind.VALUE,
        _("How do you want to treat money: saving, sharing, enjoying?"),
        _("Secure first, then generous"),
        _(
            "I feel best when there's something put aside. After that, I'd like "
            "us to be generous, with each other and with others."
        ),
    ),
    Prompt(
        "v13",
        Kind.VALUE,
        _("What would you like to give back to the people and places around you?"),
        _("Giving a little time"),
        _(
            "I'd like to give a few hours a month to something beyond us, like "
            "the food bank or a neighbour who needs a hand. Doing it together "
            "would be even better."
        ),
    ),
    Prompt(
        "v14",
        Kind.VALUE,
        _("At your best, how do you handle a disagreement?"),
        _("Listening first"),
        _(
            "At my best I listen first, say what I feel without blaming, and "
            "stay until we've understood each other, even if we still disagree."
        ),
    ),
    Prompt(
        "v15",
        Kind.VALUE,
        _("What does loyalty mean to you?"),
        _("Having each other's back"),
        _(
            "Loyalty means I speak well of you when you're not in the room, and "
            "tell you honestly when we're alone. Both are part of it."
        ),
    ),
    Prompt(
        "v16",
        Kind.VALUE,
        _("What part do play and fun have in the life you want?"),
        _("Not taking life too seriously"),
        _(
            "I want laughter in ordinary days, not just on holidays. Silly "
            "songs while we cook count."
        ),
    ),
    Prompt(
        "v17",
        Kind.VALUE,
        _(
            "How do you want to look after your health, and what does that mean "
            "day to day?"
        ),
        _("Moving every day"),
        _(
            "Moving every day keeps my head clear. It doesn't have to be sport: "
            "a bike ride or dancing in the kitchen counts."
        ),
    ),
    Prompt(
        "v18",
        Kind.VALUE,
        _("How much independence do you want to keep within your relationship?"),
        _("Two whole people"),
        _(
            "I want us to be close and still be two whole people, with our own "
            "friends and interests. That keeps us interesting to each other."
        ),
    ),
    Prompt(
        "v19",
        Kind.VALUE,
        _(
            "What kind of relationship do you want with the family or people "
            "who raised you?"
        ),
        _("Close, and our own"),
        _(
            "I want to stay close to my parents and see them often. I also want "
            "us to make our own decisions, even when they'd choose differently."
        ),
    ),
    Prompt(
        "v20",
        Kind.VALUE,
        _("Which everyday courtesies matter to you?"),
        _("Please and thank you"),
        _(
            "Saying please and thank you, even at home, matters to me. It's a "
            "small way of saying I don't take you for granted."
        ),
    ),
    Prompt(
        "v21",
        Kind.VALUE,
        _("What does being a good partner mean to you, in your own words?"),
        _("Being on the same side"),
        _(
            "Being a good partner means we face problems together, as a team, "
            "rather than facing each other. I want to be someone you're glad to "
            "see at the end of a day."
        ),
    ),
    Prompt(
        "v22",
        Kind.VALUE,
        _("What would you like the people close to you to remember you for?"),
        _("Being kind when it counted"),
        _(
            "I'd like to be remembered as someone who was kind when it counted, "
            "and who noticed when people were struggling."
        ),
    ),
    Prompt(
        "v23",
        Kind.VALUE,
        _("What do you value in how you spend your free time?"),
        _("Making things with my hands"),
        _(
            "I feel good when my free time makes something: bread, a shelf, a "
            "drawing. Rest matters too, but making things fills me up."
        ),
    ),
    Prompt(
        "v24",
        Kind.VALUE,
        _("How would you like the two of you to keep growing together over the years?"),
        _("Staying curious about each other"),
        _(
            "I don't want us to stop being curious about each other. Asking new "
            "questions, even after years, is how I want us to keep growing."
        ),
    ),
    Prompt(
        "v25",
        Kind.VALUE,
        _("Which of your values would you like your partner to understand better?"),
        _("Why saving matters to me"),
        _(
            "When I say no to spending, it isn't meanness. Knowing there's "
            "something put aside lets me relax and enjoy the rest."
        ),
    ),
    Prompt(
        "v26",
        Kind.VALUE,
        _("What does respect look like to you, day to day?"),
        _("Letting each other finish"),
        _(
            "Respect, for me, is letting someone finish before answering, and "
            "taking their no seriously. Those two things say a lot."
        ),
    ),
    # Needs
    Prompt(
        "n1",
        Kind.NEED,
        _(
            "When you are low, what helps most: words, company, space or "
            "something practical?"
        ),
        _("Company without questions"),
        _(
            "When I'm low, I'd like you nearby, maybe on the sofa with me, "
            "without asking what's wrong. I'll talk when I'm ready."
        ),
    ),
    Prompt(
        "n2",
        Kind.NEED,
        _("What makes you feel most loved by your partner?"),
        _("Being asked about my day and listened to"),
        _(
            "I feel most loved when you ask about my day and really listen to "
            "the answer. Remembering the small details later means a lot."
        ),
    ),
    Prompt(
        "n3",
        Kind.NEED,
        _("What do you need to feel safe bringing up something hard?"),
        _("Knowing we will not shout"),
        _(
            "I can bring up hard things when I know we'll both keep our voices "
            "calm. Knowing we can take a break and come back helps too."
        ),
    ),
    Prompt(
        "n4",
        Kind.NEED,
        _("What small, regular thing keeps you steady?"),
        _("A walk every morning"),
        _(
            "A short walk every morning, whatever the weather, keeps me steady. "
            "If our plans squeeze it out, I notice the difference by evening."
        ),
    ),
    Prompt(
        "n5",
        Kind.NEED,
        _("After a disagreement, what do you need before you can reconnect?"),
        _("An hour to calm down first"),
        _(
            "After we disagree I need about an hour on my own before I can talk "
            "kindly. Then a hug and a cup of tea help us start again."
        ),
    ),
    Prompt(
        "n6",
        Kind.NEED,
        _("How do you like to be appreciated?"),
        _("Thanks out loud"),
        _(
            "I'd love to hear thank you out loud for everyday things, not just "
            "big ones. It makes the routine feel shared."
        ),
    ),
    Prompt(
        "n7",
        Kind.NEED,
        _("What helps you feel close when you are apart for a while?"),
        _("A call before sleep"),
        _(
            "When we're in different places, a short call before sleep keeps me "
            "feeling close. Even five minutes is enough."
        ),
    ),
    Prompt(
        "n8",
        Kind.NEED,
        _("What do you need when you are stressed about work, study or money?"),
        _("Help me make a plan"),
        _(
            "When I'm stressed, I don't need reassurance so much as someone "
            "calm to make a plan with. Writing the list together takes half the "
            "weight off."
        ),
    ),
    Prompt(
        "n9",
        Kind.NEED,
        _("What kind of time together fills you up the most?"),
        _("Doing something new together"),
        _(
            "Trying something new together, even a new recipe or a different "
            "walk, makes me feel close to you. Routine is nice, but something "
            "new lights me up."
        ),
    ),
    Prompt(
        "n10",
        Kind.NEED,
        _("How much time alone do you need in a week to feel like yourself?"),
        _("An afternoon of my own"),
        _(
            "I need one afternoon a week that is entirely mine. I come back "
            "from it warmer and more patient."
        ),
    ),
    Prompt(
        "n11",
        Kind.NEED,
        _("What helps you feel secure in your relationship on an ordinary day?"),
        _("Hearing that we're OK"),
        _(
            "Every now and then I need to hear, out of the blue, that we're "
            "good. It costs nothing and I carry it around all day."
        ),
    ),
    Prompt(
        "n12",
        Kind.NEED,
        _("What would you like from your partner when you share good news?"),
        _("Celebrate with me"),
        _(
            "When something goes well for me, I'd love you to be excited with "
            "me, ask for the details, and maybe mark it with something small."
        ),
    ),
    Prompt(
        "n13",
        Kind.NEED,
        _(
            "Which kind of help feels like help to you, and which feels like "
            "being taken over?"
        ),
        _("Ask before fixing"),
        _(
            "I like help when I've asked for it. If you see me struggling, ask "
            "“want a hand?” rather than taking over."
        ),
    ),
    Prompt(
        "n14",
        Kind.NEED,
        _("What do you need to feel heard in a difficult conversation?"),
        _("Say back what you heard"),
        _(
            "I feel heard when you say back what you understood before you "
            "answer. Even if you disagree, I'll know you got it."
        ),
    ),
    Prompt(
        "n15",
        Kind.NEED,
        _("Which small gestures of affection mean the most to you, and when?"),
        _("A hand on my back"),
        _(
            "A hand on my back when we're somewhere busy makes me feel looked "
            "after. Small touches during the day matter more to me than big "
            "gestures."
        ),
    ),
    Prompt(
        "n16",
        Kind.NEED,
        _("What helps you wind down at the end of the day?"),
        _("Twenty quiet minutes"),
        _(
            "At the end of the day I need twenty minutes of quiet before I can "
            "be good company. After that, I'm all yours."
        ),
    ),
    Prompt(
        "n17",
        Kind.NEED,
        _("What would help you trust a promise more easily?"),
        _("Small promises kept"),
        _(
            "Small promises kept, like calling when you said you would, help me "
            "trust the big ones. I notice them more than you might think."
        ),
    ),
    Prompt(
        "n18",
        Kind.NEED,
        _("What do you need to feel like a team when life gets busy?"),
        _("A weekly look ahead"),
        _(
            "When weeks get busy, ten minutes at the weekend to look at the "
            "week together makes me feel we're in it together, not passing each "
            "other."
        ),
    ),
    Prompt(
        "n19",
        Kind.NEED,
        _("What helps you feel respected when you are with other people?"),
        _("On my side in company"),
        _(
            "When we're with friends or family, I need to feel you're on my "
            "side. If you disagree with me, tell me later, when it's just us."
        ),
    ),
    Prompt(
        "n20",
        Kind.NEED,
        _("What do you need to keep your own friendships and interests alive?"),
        _("Time for my choir"),
        _(
            "Choir on Tuesdays keeps me going. I need it to be treated as "
            "fixed, not the first thing to go when we're busy."
        ),
    ),
    Prompt(
        "n21",
        Kind.NEED,
        _("What helps you when you are worried about the future?"),
        _("Thinking it through together"),
        _(
            "When I'm worried about what's ahead, I need to talk it through "
            "without being told not to worry. Then one small first step helps."
        ),
    ),
    Prompt(
        "n22",
        Kind.NEED,
        _("What would you like from a goodbye and a hello?"),
        _("A proper hello"),
        _(
            "A real hello when we see each other, eyes up and a hug, sets the "
            "tone for the whole evening. A quick goodbye in the morning matters "
            "too."
        ),
    ),
    Prompt(
        "n23",
        Kind.NEED,
        _("What do you need to hear after you have made a mistake and owned it?"),
        _("That we're still OK"),
        _(
            "After I've got something wrong and said so, I need to hear that "
            "we're still OK. Then I can put things right instead of hiding."
        ),
    ),
    Prompt(
        "n24",
        Kind.NEED,
        _("What helps you feel at home in a new place or a new routine?"),
        _("Settling in together"),
        _(
            "In a new place I settle once my things are out and we've shared a "
            "first meal there. Doing that together matters to me."
        ),
    ),
    Prompt(
        "n25",
        Kind.NEED,
        _(
            "What kind of encouragement helps you most when you are trying "
            "something hard?"
        ),
        _("Belief, not pressure"),
        _(
            "When I'm trying something hard, I need to know you believe I can "
            "do it. Questions about progress feel like pressure; “how's it "
            "feeling?” doesn't."
        ),
    ),
)


def prompts_for(kind: str) -> list[Prompt]:
    return [p for p in PROMPTS if p.kind == kind]


def prompt_by_key(key: str | None) -> Prompt | None:
    return next((p for p in PROMPTS if p.key == key), None)


def prompt_of_the_day(
    user_id: int, day_ordinal: int, kind: str | None = None
) -> Prompt:
    """A prompt that changes daily and differs between partners."""
    pool = prompts_for(kind) if kind else list(PROMPTS)
    return pool[(user_id * 7 + day_ordinal) % len(pool)]
