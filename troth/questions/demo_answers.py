"""What Alex and Sam answer to each question the demo asks.

Keyed by the question's stable key in the deck (`troth/questions/deck.py`);
the demo asks only these. Each answer answers its own question, in its
author's voice: Alex is brief and practical, with a dry joke now and then;
Sam takes longer, thinks aloud and names feelings. Both are written for
Troth's demo, in our own words.

The details hang together with the rest of the demo: Sunday breakfast,
phone-free Friday evenings, the walk after dinner, Sam's mum, Alex's dad and
his shed, Sam having moved school three times, Alex's redundancy and new job.
The demo asks the deeper levels only after Sam found out about Alex's
messages to an ex (`troth/repair/demo.py`), so the answers that touch on it
sit at those levels.

Every text is marked for translation: a demo made in another language
(`troth demo --language es`) answers in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ANSWERS: dict[str, dict[str, StrOrPromise]] = {
    # Warming up
    "1.past.1": {
        "alex": _(
            "Dad letting me hold the torch while he fixed the car. I was useless, but he kept saying he couldn't do it without me. I think that's why I still like helping."
        ),
        "sam": _(
            "Dancing on my aunt's feet at a wedding when I was about six. Everyone was laughing and I didn't feel shy for once. It stays because I so rarely felt that loose as a kid."
        ),
    },
    "1.past.2": {
        "alex": _(
            "The night the restaurant lost our booking and we ended up eating chips on the wall outside. You didn't mind at all, so I stopped minding."
        ),
        "sam": _(
            "When I fell asleep on your sofa on our third date and woke up with a blanket over me. I was mortified for about a minute and then just felt safe."
        ),
    },
    "1.past.5": {
        "alex": _(
            "Anything by the Stone Roses. Sixteen, first summer job, first money of my own. It brings back feeling grown up before I was."
        ),
        "sam": _(
            "The song they played in the car on every move we made. It brings back that mix of dread and excitement of a new town, a new school, a new me."
        ),
    },
    "1.present.1": {
        "alex": _(
            "Fixing the wobbly shelf on the first try. Small victory, I'll take it."
        ),
        "sam": _(
            "A colleague I helped last month thanked me in front of everyone. I went pink, but it stayed with me all afternoon."
        ),
    },
    "1.present.3": {
        "alex": _(
            "Saturday mornings before anyone needs anything from me. Coffee, radio, nobody asking."
        ),
        "sam": _(
            "On our Friday evenings with the phones away. I stop performing and just talk."
        ),
    },
    "1.present.5": {
        "alex": _("Leaving work on time. If I say it here I might actually do it."),
        "sam": _(
            "Ten quiet minutes with you before the day starts, before either of us opens the laptop."
        ),
    },
    "1.future.2": {
        "alex": _(
            "Train to the coast, long walk, fish and chips, back the same night. No plans beyond that."
        ),
        "sam": _(
            "A cabin somewhere with no signal, books, rain on the roof and long breakfasts. I'd want us to have nowhere to be."
        ),
    },
    "1.future.4": {
        "alex": _(
            "Pancakes on the first Sunday of every month. I'll even learn to flip them."
        ),
        "sam": _(
            "Writing each other a short letter on New Year's Eve and opening last year's. I love the idea of reading who we were."
        ),
    },
    "1.fears.1": {
        "alex": _(
            "Whether the car will pass its service. Boring, but it kept nagging at me."
        ),
        "sam": _(
            "That I'd upset my sister by missing her call. I kept rehearsing an apology she probably doesn't need."
        ),
    },
    "1.fears.2": {
        "alex": _(
            "Phoning someone I don't know. I write a little script first. What helps is doing it straight away, before I think too much."
        ),
        "sam": _(
            "Walking into a party where I only know the host. It helps when you stay near me for the first half hour, until I find my feet."
        ),
    },
    "1.hopes.2": {
        "alex": _(
            "Getting the flat sorted and us having one proper holiday. That would be a good year."
        ),
        "sam": _(
            "Feeling less rushed, and being able to say I looked after myself and us, not only work."
        ),
    },
    "1.hopes.4": {
        "alex": _(
            "Quiet, warm, something in the oven. You reading, me pretending to read."
        ),
        "sam": _(
            "Like somewhere we can both drop our shoulders. Music low, the good lamp on, nobody keeping score."
        ),
    },
    "1.appreciation.1": {
        "alex": _(
            "When you texted my dad happy birthday before I'd remembered. I said thanks, but it meant more than that."
        ),
        "sam": _(
            "When you warmed the car up before my early shift. I said it was sweet, but honestly I felt really looked after."
        ),
    },
    "1.appreciation.2": {
        "alex": _(
            "You always put the keys in the bowl. I've lost fewer things since I met you than in ten years before."
        ),
        "sam": _(
            "You fill up the water jug every night without saying anything. Tiny, but it makes my mornings smoother."
        ),
    },
    "1.trust.4": {
        "alex": _(
            "My dad turned up to every one of my football matches, even the freezing ones. He'd said he would, so he did."
        ),
        "sam": _(
            "A teacher once promised to write to me after we moved, and she actually did, for two years. I still have the letters."
        ),
    },
    "1.trust.5": {
        "alex": _(
            "Knowing you'll tell me if something's up, so I don't have to guess."
        ),
        "sam": _(
            "When you don't rush me. If I can take my time getting to the point, I unclench."
        ),
    },
    "1.past.3": {
        "alex": _(
            "The allotment behind Dad's old house. He'd leave me to dig on my own and I felt trusted with something real. It's flats now, but I could show you where it was."
        ),
        "sam": _(
            "The lake near the second town we lived in. I'd cycle there after school and sit on the jetty, and being the new kid didn't matter, because there was nobody to be new in front of. I'd love to sit there with you and feel that calm again, with company this time."
        ),
    },
    "1.past.4": {
        "alex": _(
            "My first day at the new job. I'd had months of knock-backs and I still walked in like I belonged there."
        ),
        "sam": _(
            "The day I told my manager the workload wasn't sustainable. My voice shook the whole time, but I said it, and things actually changed. I was proud that I didn't wait until I was falling apart first."
        ),
    },
    "1.present.2": {
        "alex": _(
            "Having a routine that works. Work, walk, dinner, you. I'm not asking for much more than that."
        ),
        "sam": _(
            "That it feels less like waiting. For years I was getting through things, and lately I'm actually in them: the walks, Sunday breakfast, even the dull Tuesdays. I'm enjoying feeling settled, which I never expected to hear myself say."
        ),
    },
    "1.present.4": {
        "alex": _(
            "My dad. He's been ringing more than usual and I can't tell if he's lonely or unwell. Mostly fine in the day, heavier at night."
        ),
        "sam": _(
            "My mum's next scan. I'm fine most of the day, and then it catches me at odd moments, like in the supermarket queue. It sits with me as a low hum rather than a worry I can put a name to."
        ),
    },
    "1.future.1": {
        "alex": _(
            "Your sister's birthday dinner. Watching you two set each other off laughing. I'll be relaxed, and I'll eat too much."
        ),
        "sam": _(
            "The trip in spring we keep talking about. I imagine the first morning, waking up somewhere new with nothing planned, and that rare lightness of not being needed by anyone but you."
        ),
    },
    "1.future.3": {
        "alex": _(
            "Proper woodwork, not just fixing shelves. Dad's shed, I suppose. I like things you can finish and then use."
        ),
        "sam": _(
            "The piano, properly this time. I had lessons for a year before one of our moves and never started again. I think I'm drawn to it because it's slow and can't be rushed, and I'd like something in my life that works like that."
        ),
    },
    "1.future.5": {
        "alex": _("Somewhere by the sea, a window that opens, no alarm set."),
        "sam": _(
            "In a place we chose together, with our things so mixed up that nobody could say whose mug is whose. The town matters less to me than waking up and not having to work out where I belong."
        ),
    },
    "1.fears.3": {
        "alex": _(
            "At your work parties. Everyone has in-jokes. I wish someone would explain just one of them."
        ),
        "sam": _(
            "At big gatherings on your side of the family, where everyone has known each other forever. I start watching myself from the outside. I wish someone would ask me a real question, something beyond how the journey was, so I could feel part of it rather than a guest."
        ),
    },
    "1.fears.4": {
        "alex": _(
            "That the ice cream van wouldn't stop if I missed its tune. I kept the window open all summer, just in case."
        ),
        "sam": _(
            "Not knowing where the toilets were on my first day at a new school. Three schools, three first days, and that was always my biggest dread. It makes me smile now, but I also feel tender towards that kid, working so hard to look like they knew the way."
        ),
    },
    "1.fears.5": {
        "alex": _(
            "'Can we talk later?' with nothing else. I assume the worst for hours."
        ),
        "sam": _(
            "A missed call from my mum at an odd hour. Before I've even rung back, I've imagined the whole conversation. It's usually about a recipe, and still my heart drops every single time."
        ),
    },
    "1.hopes.1": {
        "alex": _(
            "One whole weekend with nothing booked. I'll decide on the day what to do with it."
        ),
        "sam": _(
            "To finish the book that's been on my bedside table for months. It sounds small, but I'd like to prove to myself that I can make time for something that's only mine, without feeling I've taken it from someone."
        ),
    },
    "1.hopes.3": {
        "alex": _("Well fed, mostly. And like they could put their feet up."),
        "sam": _(
            "Heard. I hope people leave feeling that someone paid real attention to them, rather than waiting for their turn to talk. I know what it's like to be the new one nobody asks, so I try to be the one who asks."
        ),
    },
    "1.hopes.5": {
        "alex": _(
            "To see Tom and the others more than once a year. I'll organise it. Probably."
        ),
        "sam": _(
            "Fewer friendships, but deeper ones. Moving so much taught me to make friends quickly and let them go just as fast. I'd like to hold on to the two or three who matter, and let them see me on a bad day too."
        ),
    },
    "1.appreciation.3": {
        "alex": _(
            "The walk after dinner. Same loop every time, different conversation."
        ),
        "sam": _(
            "The bit after the washing-up when we sit on the sofa and neither of us reaches for a phone. Nothing happens, and that's exactly what I love about it. It's the most unguarded I am all day."
        ),
    },
    "1.appreciation.4": {
        "alex": _(
            "Priya at work. She took my call on Tuesday so I could get to the dentist, no questions asked."
        ),
        "sam": _(
            "My sister. She rang after mum's appointment just to ask how I was, not how mum was. Hardly anyone asks that, and I hadn't realised how much I needed it until I cried down the phone to her."
        ),
    },
    "1.appreciation.5": {
        "alex": _("I remember how everyone takes their tea. Everyone."),
        "sam": _(
            "That I notice when someone in a room has gone quiet. I think it comes from always being the new one: I learned to read people before I learned to feel comfortable. I used to call it anxiety, and lately I'm starting to think of it as a kind of care."
        ),
    },
    "1.trust.1": {
        "alex": _(
            "When the car broke down on the motorway and you stayed on the phone the whole hour until the truck came. I didn't feel stuck out there on my own."
        ),
        "sam": _(
            "When I had flu and you took over everything: the shopping, ringing my work, even the dog. I didn't have to ask for a single thing. I remember lying there thinking, so this is what being looked after feels like, without owing anything back."
        ),
    },
    "1.trust.2": {
        "alex": _(
            "The other person being sillier first. So, you, with the kitchen dancing."
        ),
        "sam": _(
            "Knowing they won't bring it up later to tease me in front of other people. With you I can sing badly in the kitchen because I know it stays between us. It took me a long time to be silly with anyone; as a kid I was too busy trying to fit in."
        ),
    },
    "1.trust.3": {
        "alex": _(
            "My nan. I told her I'd broken Dad's radio. She helped me work out how to tell him. It felt like having someone on my side."
        ),
        "sam": _(
            "A girl called Lena at my second school. I told her I cried every night because I missed our old house. She didn't laugh; she told me one of hers back. I remember the relief of it, like putting down a heavy bag I'd carried for weeks."
        ),
    },
    # Going deeper
    "2.past.1": {
        "alex": _(
            "Love in my family meant doing things: lifts, repairs, food. Nobody said it. I kept the doing, and I'm trying to add the saying."
        ),
        "sam": _(
            "We hugged a lot but never talked about anything hard. I've kept the hugs and I'm slowly learning to talk when it matters."
        ),
    },
    "2.past.2": {
        "alex": _(
            "Sitting in the hospital car park with you after your mum's scan. Neither of us said much. I've never felt closer to anyone."
        ),
        "sam": _(
            "When you told me about your dad's drinking. You didn't have to, and I felt trusted with something precious."
        ),
    },
    "2.past.3": {
        "alex": _(
            "At school everyone thought I didn't care because I was quiet. I needed someone to ask instead of assuming."
        ),
        "sam": _(
            "In my first job, when I cried in a meeting and my manager called it unprofessional. I needed someone to see I was exhausted, not weak."
        ),
    },
    "2.past.5": {
        "alex": _(
            "At home arguments were loud and then never mentioned again. I still want to get them over with fast, and I know that isn't always fair on you."
        ),
        "sam": _(
            "My parents went silent for days instead of arguing. I learned to read the air, and I still go quiet before I know I'm upset."
        ),
    },
    "2.present.1": {
        "alex": _(
            "Work, clearly. Two people's jobs until they hire someone. I'm fine, but I'm tired in a way sleep doesn't fix."
        ),
        "sam": _(
            "Between my mum's appointments and work. I keep thinking I should be coping better, and then I feel guilty for feeling stretched."
        ),
    },
    "2.present.2": {
        "alex": _("My work, honestly. I know it's dull, but it's most of my day."),
        "sam": _(
            "How I'm feeling about my family. I never know when it's okay to bring it up."
        ),
    },
    "2.present.4": {
        "alex": _(
            "When you notice I'm quiet and ask, and then actually wait for the answer."
        ),
        "sam": _(
            "When you tell other people about something I did well. Hearing it secondhand gets me every time."
        ),
    },
    "2.future.2": {
        "alex": _(
            "Stop trying to fix it in the first five minutes. Ask what you need first."
        ),
        "sam": _(
            "Say I need a break instead of going silent, and then actually come back to it."
        ),
    },
    "2.future.3": {
        "alex": _(
            "Being more patient. You could tell me when I'm rushing you, gently, and I'll try not to get defensive."
        ),
        "sam": _(
            "Confidence at work. It would help if you kept reminding me of the things I've already done well."
        ),
    },
    "2.fears.2": {
        "alex": _(
            "Money. Whether we'll ever manage to buy somewhere. I run the numbers more often than I admit."
        ),
        "sam": _(
            "Whether I'll be able to look after my mum if she gets worse, and still have a life of my own."
        ),
    },
    "2.fears.5": {
        "alex": _(
            "Being told I'm not pulling my weight. Probably because I try so hard to."
        ),
        "sam": _(
            "Being called too sensitive. It makes me feel that the way I'm made is the problem."
        ),
    },
    "2.hopes.1": {
        "alex": _("That when I go quiet I'm thinking, not angry. Usually."),
        "sam": _(
            "That when I ask lots of questions I'm not doubting you. It's how I get close."
        ),
    },
    "2.hopes.4": {
        "alex": _(
            "Fair, mostly. I'd like neither of us to feel like we're keeping a tally."
        ),
        "sam": _(
            "Like a team, not a rota. I'd love for neither of us to feel like the one who notices everything."
        ),
    },
    "2.appreciation.1": {
        "alex": _(
            "You tell me when something's wrong instead of leaving me to work it out. I never have to guess where I stand."
        ),
        "sam": _(
            "You stay calm when I'm spiralling. You don't catch my panic, you just sit with me until it passes."
        ),
    },
    "2.appreciation.2": {
        "alex": _(
            "When I was made redundant and you sat down with me that same night and made a plan. I felt a lot less lost."
        ),
        "sam": _(
            "When you drove three hours to be with me after the funeral. You just came, without me asking."
        ),
    },
    "2.trust.2": {
        "alex": _(
            "When it's something I think I should manage alone. Inside it's a mix of pride and not wanting to be a bother."
        ),
        "sam": _(
            "When you already look busy. I start telling myself I'm interrupting and talk myself out of asking."
        ),
    },
    "2.trust.3": {
        "alex": _(
            "Doing what you said, when you said. Calling when you said you'd call."
        ),
        "sam": _(
            "Remembering the small things I've mentioned, and a message when plans change, even a short one."
        ),
    },
    "2.past.4": {
        "alex": _(
            "Being made redundant. I thought the job was who I was. Turned out I was still me without it, which surprised me."
        ),
        "sam": _(
            "Going to a counsellor for the first time, in my twenties. I walked in thinking I was simply bad at coping, and came out understanding that I'd learned to cope in ways that made sense back then. It made me much kinder to myself."
        ),
    },
    "2.present.3": {
        "alex": _(
            "The first hour after work. I'm home but my head isn't yet. It feels like running on a delay."
        ),
        "sam": _(
            "Late evening, after you've fallen asleep and my mind gets loud. Everything I didn't say or should have done turns up at once. It feels lonely, even with you right there next to me."
        ),
    },
    "2.present.5": {
        "alex": _(
            "That I miss my old team. The new job is fine, but I haven't made a single friend there yet."
        ),
        "sam": _(
            "That I'm scared mum won't be able to live on her own much longer, and I don't know what that would mean for us. I keep not saying it, because saying it makes it real."
        ),
    },
    "2.future.1": {
        "alex": _(
            "Easy, in the good way. We know the routes, and still take the long one sometimes."
        ),
        "sam": _(
            "Safe, and still a little exciting. I want us to know each other so well that nothing needs explaining, and still be able to surprise each other. And I'd like the hard conversations to feel less like a cliff edge and more like something we just do."
        ),
    },
    "2.future.4": {
        "alex": _(
            "Dinner at seven, someone else's turn to wash up, bed by eleven. Boring and brilliant."
        ),
        "sam": _(
            "Unremarkable in the best way. Tired from work, but coming home to each other and swapping the small stories of the day over dinner. I hope we'd still reach for each other's hand on the walk without thinking about it."
        ),
    },
    "2.future.5": {
        "alex": _(
            "Cycling the length of the country. On hold since the job went. I'm fine with it, mostly."
        ),
        "sam": _(
            "Going back to study, something I love rather than something sensible. I put it away when mum got ill. Most days I'm at peace with that, and some days I feel a quiet resentment I'm not proud of."
        ),
    },
    "2.fears.1": {
        "alex": _(
            "That I spend half my lunch break reading football forums. I'd rather you thought I was working."
        ),
        "sam": _(
            "That I'm less together than I look. How often I rewrite a simple email, or sit in the car for ten minutes before going in. I'm afraid you'd worry, or worse, find it a bit pathetic."
        ),
    },
    "2.fears.3": {
        "alex": _(
            "At family birthdays on Dad's side. Everyone's talking and nobody says anything."
        ),
        "sam": _(
            "When everyone around me is cheerful and I'm carrying something heavy, like at work the week of mum's scan. I smile along, and it feels as if a glass wall goes up between me and everybody else."
        ),
    },
    "2.fears.4": {
        "alex": _("You. Obviously. After that, my knees."),
        "sam": _(
            "The feeling of home I've finally found with you. I spent my childhood losing places, and now that a person feels like one, I'm scared of how much losing it would hurt."
        ),
    },
    "2.hopes.2": {
        "alex": _(
            "That we're a good team. And that we're fun to have round for dinner."
        ),
        "sam": _(
            "That we're kind to each other, even when we disagree. I grew up around couples who were charming in company and cold at home, and I'd love people to see something warmer and more real than that in us."
        ),
    },
    "2.hopes.3": {
        "alex": _(
            "One who says 'bad day, not you' instead of just being short with you."
        ),
        "sam": _(
            "One who can say what's going on rather than expecting you to read it. On hard days I withdraw and then feel hurt that you didn't notice, and I'd like to be braver than that."
        ),
    },
    "2.hopes.5": {
        "alex": _(
            "To build something with my hands that outlasts me. A table, maybe. Don't laugh."
        ),
        "sam": _(
            "To write something one day, even if it's only stories for myself. I've kept notebooks since I was a kid and never shown them to anyone. Telling you feels strange, and a little bit good."
        ),
    },
    "2.appreciation.3": {
        "alex": _(
            "Your curiosity. You ask the waiter about their day and you actually listen."
        ),
        "sam": _(
            "How you show up without fuss. You don't make a speech about it, you just turn up with whatever is needed. I hope you never lose that, even while I keep asking you to say things out loud as well."
        ),
    },
    "2.appreciation.4": {
        "alex": _(
            "The months without a job. We didn't pretend it was fine, and we still laughed."
        ),
        "sam": _(
            "The weeks after mum's first diagnosis. What I value is that we didn't each hide in our own corner: you asked what I needed instead of guessing, and I slowly learned to tell you."
        ),
    },
    "2.appreciation.5": {
        "alex": _(
            "For staying in touch with Dad when it would have been easier not to."
        ),
        "sam": _(
            "For keeping going through every new school and every first day. That kid didn't know it would be worth it, and kept trying to make friends anyway. A lot of my openness now comes from that stubbornness."
        ),
    },
    "2.trust.1": {
        "alex": _("You say it once and then you do it. No build-up, no drama."),
        "sam": _(
            "Seeing your words and what you do line up over time, especially lately. You telling me when someone from your past gets in touch, before I could possibly find out. Each time you do, a bit more of me believes you."
        ),
    },
    "2.trust.4": {
        "alex": _(
            "That I go quiet when I should speak up. It cost me a good friend at uni."
        ),
        "sam": _(
            "The friend who dropped me at fourteen taught me to always hold a little back. A later relationship, where everything was shared far too fast, taught me the opposite. I think trust is built slowly and in small things, and I'm still practising that."
        ),
    },
    "2.trust.5": {
        "alex": _("Let me say it on a walk, side by side. Face to face, I freeze."),
        "sam": _(
            "Not react straight away. If you give me a minute, maybe just say 'go on', I can get all of it out. When you jump to solutions halfway through, I lose my nerve and only say the easy half."
        ),
    },
    # Close to the heart
    "3.past.1": {
        "alex": _(
            "My parents' divorce. I learned to keep people at arm's length in case they leave, and I still notice myself doing it."
        ),
        "sam": _(
            "Being left out by a best friend at fourteen. I still brace myself a little for being dropped, even with you."
        ),
    },
    "3.past.3": {
        "alex": _(
            "The night of your promotion, when I was tired and flat about it. I'd want to open the bottle and tell you how proud I was."
        ),
        "sam": _(
            "Our first real fight, when I walked out. I'd stay and say I was scared instead."
        ),
    },
    "3.past.5": {
        "alex": _(
            "Someone who asked how I was and meant it. Everybody was coping and nobody was asking."
        ),
        "sam": _(
            "To stay somewhere long enough to belong. Every time I made a friend, we moved."
        ),
    },
    "3.present.2": {
        "alex": _(
            "To be let in on the hard days with your mum, even when you think you're protecting me."
        ),
        "sam": _(
            "Reassurance that you're not going anywhere when I'm at my most difficult. I know it, but I need to hear it."
        ),
    },
    "3.present.3": {
        "alex": _(
            "When I handle the practical things and it goes unnoticed. It isn't glamorous, but it's how I show up."
        ),
        "sam": _("When I'm struggling quietly and it gets read as me being fine."),
    },
    "3.present.5": {
        "alex": _(
            "The talk about where we'll live in five years. We keep starting it and stopping it."
        ),
        "sam": _(
            "The argument in spring about your job. We stopped arguing, but I don't think we finished it."
        ),
    },
    "3.future.2": {
        "alex": _("Two people sharing a calendar and a mortgage and nothing else."),
        "sam": _("Polite. That's my fear: that we become polite with each other."),
    },
    "3.future.3": {
        "alex": _(
            "Honestly and without martyrdom. Get help in when we need it, and keep laughing at each other."
        ),
        "sam": _(
            "Gently. I'd want us to still be a couple, not only patient and carer, and to ask before deciding things for each other."
        ),
    },
    "3.future.5": {
        "alex": _("That I tried. Even when I got it wrong, I was trying."),
        "sam": _(
            "How much I loved being loved by you. And that I was funnier than people gave me credit for."
        ),
    },
    "3.fears.1": {
        "alex": _(
            "That one day you'll decide I'm not enough, and I won't have seen it coming."
        ),
        "sam": _("That I'll wear you out. That you'll get tired of reassuring me."),
    },
    "3.fears.3": {
        "alex": _(
            "Early on, when you cried and I panicked and went cold. I think that taught you not to bring big feelings to me for a while."
        ),
        "sam": _(
            "After the dinner with your friends, when I didn't want to seem needy. Nothing you did. It was my fear of being too much."
        ),
    },
    "3.hopes.1": {
        "alex": _(
            "Own it straight away, no speeches, and then show me over time rather than promising."
        ),
        "sam": _(
            "Come back to it, even when it's awkward. Not let it quietly disappear."
        ),
    },
    "3.hopes.2": {
        "alex": _("That we're still each other's first call, whatever happens."),
        "sam": _(
            "That we grow old still curious about each other, still asking questions like these."
        ),
    },
    "3.hopes.3": {
        "alex": _("'I've got this, go to bed.'"),
        "sam": _(
            "That I don't have to earn your love on that day. That it's just there."
        ),
    },
    "3.appreciation.1": {
        "alex": _(
            "How you think out loud. At first it overwhelmed me. Now the house feels too quiet when you're away."
        ),
        "sam": _(
            "Your steadiness. I mistook it for distance at first. Now it's the thing I lean on most."
        ),
    },
    "3.appreciation.3": {
        "alex": _(
            "The night I told you about losing the job and you just said, 'Okay, we'll work it out.' No judgement at all."
        ),
        "sam": _(
            "When I showed you my worst panic and you didn't flinch or try to fix me."
        ),
    },
    "3.trust.1": {
        "alex": _(
            "When you told me about the debt before I found out any other way. It was a relief, more than anything."
        ),
        "sam": _(
            "When you came with me to my mum's appointment without being asked. Something in me settled for good."
        ),
    },
    "3.trust.3": {
        "alex": _(
            "To know you won't bring it up in an argument later. Honesty costs less then."
        ),
        "sam": _(
            "To know you won't go quiet on me afterwards. Silence feels like punishment to me, even when you don't mean it that way."
        ),
    },
    "3.past.2": {
        "alex": _(
            "When Dad turned up to parents' evening after a few drinks. I needed a teacher to talk to me afterwards instead of everyone pretending it hadn't happened."
        ),
        "sam": _(
            "At nineteen, when I lost a weekend job for being late too often. I told nobody for weeks. I needed someone to tell me that a mistake is not a verdict on who you are."
        ),
    },
    "3.past.4": {
        "alex": _(
            "Nan. She was the steady one. I carry her by making Sunday breakfast the way she did."
        ),
        "sam": _(
            "My grandmother, whose funeral you drove all that way for. She was the one fixed point in all our moving. I carry her in her recipes, and in trying to be a fixed point for someone else."
        ),
    },
    "3.present.1": {
        "alex": _(
            "How jealous I get sometimes of how easily you talk to your friends. It feels childish, so I keep it in."
        ),
        "sam": _(
            "The part of me that still keeps score. I tell you I've let something go, and a week later I find it filed away in my head. It's hard to show because I so want to be the generous one."
        ),
    },
    "3.present.4": {
        "alex": _(
            "Myself, for the messages. You've done more forgiving than I have. I'm working on it."
        ),
        "sam": _(
            "I've forgiven you for the messages, mostly. What I'm still struggling with is forgiving myself for the weeks I went through your evenings in my head. I know it was fear, but I didn't like who I was then."
        ),
    },
    "3.future.1": {
        "alex": _(
            "That you're the best thing that's happened to me, and I say it far too rarely."
        ),
        "sam": _(
            "That I'm sorry for the times I made you guess what I needed and then held it against you when you guessed wrong. And that you changed how I see myself, for the better, for good."
        ),
    },
    "3.future.4": {
        "alex": _(
            "Keep your word, look after your people, make a few things. You're my people."
        ),
        "sam": _(
            "Loving people well, being honest with them, and leaving places a bit kinder than I found them. You're right in the middle of it: the person I get to practise all of that with, every ordinary day."
        ),
    },
    "3.fears.2": {
        "alex": _("That I'd turn into Dad. So I stay level, even when I shouldn't."),
        "sam": _(
            "That you'd decide it was too much and step back, quietly, the way people did when I was small. So I water it down. I'd like to try showing you the full version, a little at a time."
        ),
    },
    "3.fears.4": {
        "alex": _(
            "That I'm better at fixing things than at being close. Easier to have around than to know."
        ),
        "sam": _(
            "That I'm not really a good person, just good at reading what people want. Sometimes I wonder whether my kindness is only a way of keeping myself safe."
        ),
    },
    "3.fears.5": {
        "alex": _(
            "A house with a garden and a shed, with you. Wanting it makes it something I could fail at."
        ),
        "sam": _(
            "Real time off, months of it, to rest and to write. I'm afraid that if I let myself want it, I'll start resenting everything that stands in the way, including the people I love."
        ),
    },
    "3.hopes.4": {
        "alex": _(
            "That Dad and I would ever properly talk. Yes, I'd like it back. Maybe I'll go first."
        ),
        "sam": _(
            "Feeling rooted somewhere. Years ago I decided I was just someone who doesn't belong anywhere in particular. With you I'm starting to want that hope back, and it scares me a little."
        ),
    },
    "3.hopes.5": {
        "alex": _("The trust I broke. Properly, not papered over."),
        "sam": _(
            "The part of both of us that goes quiet to stay safe. Yours learned it with your dad, mine with all the moving. I'd love our home to be the place where neither of us has to."
        ),
    },
    "3.appreciation.2": {
        "alex": _(
            "Somewhere to talk. Nobody ever asked me this many questions before, and it turns out I like it."
        ),
        "sam": _(
            "Steadiness I didn't have to earn. Everyone else I've loved, I felt I had to keep impressing, and with you I can be tired and grumpy and still wanted."
        ),
    },
    "3.appreciation.4": {
        "alex": _(
            "Your mum. You've been frightened for months and you still turn up for her, for work, and for me."
        ),
        "sam": _(
            "How you faced what happened with the messages. Your first apology missed, and instead of getting defensive you went away, really listened, and came back with a better one. That took more courage than getting it right the first time."
        ),
    },
    "3.appreciation.5": {
        "alex": _(
            "More than I manage to say. When I warm up the car for you, that's me saying it."
        ),
        "sam": _(
            "That you're the first person I want to tell everything to, good or bad. When something happens, my first thought is that I have to tell you. I never had that before."
        ),
    },
    "3.trust.2": {
        "alex": _(
            "Honestly, it hasn't. What wavers is whether I deserve yours. You keep telling me I do, and that helps."
        ),
        "sam": _(
            "The Sunday I saw her name on your screen. What helps is what you're already doing: telling me first, leaving the phone face up without making a point of it, and letting me ask without sighing. It's growing back, slower than I'd like."
        ),
    },
    "3.trust.4": {
        "alex": _(
            "Not keeping a corner of my life where you can't see. I learned that the hard way."
        ),
        "sam": _(
            "Choosing each other in small moments too: telling the truth when a lie would be easier, standing up for you when you're not in the room, turning towards you when I'd rather scroll. Being faithful to the us we agreed on, not just to the rules."
        ),
    },
    "3.trust.5": {
        "alex": _(
            "The night I drove Dad home at fifteen. You know he drank, not that. I'd need a walk, and no questions for a bit."
        ),
        "sam": _(
            "How low I was in my first year at university, the winter I barely left my room. I could tell you all of it if I knew you wouldn't rush to make it make sense."
        ),
    },
    # From the packs (troth/questions/packs/): a few at each level, so the
    # demo's recent rounds come from them too.
    "home.4": {
        "alex": _("Cheese on toast with too much pepper. Lazy food for a lazy day."),
        "sam": _(
            "A big pot of soup that takes all afternoon. I love the kitchen steaming up while it rains and nobody needs to be anywhere."
        ),
    },
    "work.4": {
        "alex": _(
            "Reversing into tight spaces. First go, every time. Nobody ever claps."
        ),
        "sam": _(
            "Calming a room down. When a meeting turns prickly I can usually find the sentence that lets everyone breathe out. I don't say it's a skill, but I'm quietly proud of it."
        ),
    },
    "everyday.5": {
        "alex": _("The pigeon that walked into the bakery like it had a loyalty card."),
        "sam": _(
            "You trying to fold the fitted sheet and then announcing it was 'folded enough'. I laughed about it on the bus the next morning."
        ),
    },
    "money.3": {
        "alex": _(
            "The library. Free books, free quiet, and nobody asks what you're doing there."
        ),
        "sam": _(
            "Our walk after dinner. It costs nothing, and it's often the best half hour of my day."
        ),
    },
    "work.15": {
        "alex": _(
            "My manager now. She hired me three weeks after the redundancy, when I'd stopped believing anyone would. I walk in a bit taller because of her."
        ),
        "sam": _(
            "My first boss, who made me present to the whole team when I was terrified. She sat in the front row nodding. I learned I could be frightened and do it anyway."
        ),
    },
    "family.12": {
        "alex": _(
            "Kept quiet. Dad went to the shed and Mum turned the radio up. I still reach for the shed."
        ),
        "sam": _(
            "Said out loud, sometimes very loud. Mum cried easily and laughed easily. I think that's why silence feels so dangerous to me."
        ),
    },
    "home.15": {
        "alex": _(
            "You, mostly. I remember the bins and the car. Writing that down, it's not an even split."
        ),
        "sam": _(
            "Me, I think. Birthdays, the dentist, your dad's tablets. I don't mind doing it, but I'd like it to be seen, and sometimes I feel like the office of our life."
        ),
    },
    "friends.10": {
        "alex": _("Fine. Good, actually. You come back lighter."),
        "sam": _(
            "Mostly glad for you. Since this spring there's a small knot when you're out late, and I'm working on it. It's easing."
        ),
    },
    "everyday.18": {
        "alex": _(
            "Late evening, when you've gone to bed and I'm still up with the telly. I tell myself I like it. I'm not sure I do."
        ),
        "sam": _(
            "When we're both on our phones on the sofa. We're right next to each other and it feels like two separate rooms."
        ),
    },
    "work.17": {
        "alex": _(
            "The redundancy. Six months of rejections and I started to think I was the problem. I needed someone to say it wasn't personal, and you did, a lot."
        ),
        "sam": _(
            "When my project was scrapped after a year's work. I needed someone to ask what I'd learned, not to cheer me up straight away."
        ),
    },
    "family.19": {
        "alex": _(
            "Going to the shed. Dad's drinking was his shed. Mine was going quiet and keeping things to myself, and we both know where that led this year."
        ),
        "sam": _(
            "Keeping the peace at any price. Mum swallowed a lot to keep things smooth, and I catch myself doing the same and then exploding later."
        ),
    },
    "memories.17": {
        "alex": _(
            "You turning up at the hospital when Dad had his fall, with a bag of my clothes and a flask. You didn't ask, you just came."
        ),
        "sam": _(
            "Gran plaiting my hair on her back step before each new school. She never said much, but I always felt held."
        ),
    },
    "home.18": {
        "alex": _(
            "Somewhere I don't have to be on guard. Lately I've been on guard at home, and I want that gone for both of us."
        ),
        "sam": _(
            "The place where I can be tired and nobody mind. This year it's felt less like that, and I've missed it more than the trust, some days."
        ),
    },
    "friends.21": {
        "alex": _("That they'd take sides, and pick yours. Which would be fair."),
        "sam": _(
            "That they'd tell me to leave, and not understand why I'm still choosing us. So I've kept most of it to myself, and that's been lonely."
        ),
    },
}

# Sam's own questions: what she asked, at what level, and both answers.
OWN: list[tuple[StrOrPromise, int, dict[str, StrOrPromise]]] = [
    (
        _("Which of our rituals would you miss most if it stopped?"),
        1,
        {
            "alex": _(
                "Sunday breakfast. It's the one hour of the week nobody can book."
            ),
            "sam": _(
                "The walk after dinner. It's where we say the things that don't fit anywhere else."
            ),
        },
    ),
    (
        _(
            "What is one thing I could do this month to make you feel more at home with me?"
        ),
        2,
        {
            "alex": _(
                "Leave a bit of your stuff at my place on purpose, not by accident. Make it ours."
            ),
            "sam": _(
                "Tell me about your day before I have to ask. It makes me feel part of it."
            ),
        },
    ),
    (
        _("What's one small thing I do that makes you laugh without meaning to?"),
        1,
        {
            "alex": _("You narrate what the dog is thinking. Every walk. Full voices."),
            "sam": _(
                "The way you read instructions out loud under your breath, even for a new kettle. It's so earnest, and I love that you would never skip a step."
            ),
        },
    ),
    (
        _("When you're worried about me, what do you do with the worry?"),
        2,
        {
            "alex": _(
                "Make tea, mostly. Then I wait for a good moment to ask, which sometimes never comes."
            ),
            "sam": _(
                "I ask you lots of small questions, then go quiet and watch you. I'd rather just say I'm worried and let you choose what to share."
            ),
        },
    ),
    (
        _("What would help you believe we're going to be all right?"),
        3,
        {
            "alex": _(
                "More ordinary evenings where we forget to be careful with each other."
            ),
            "sam": _(
                "Time, and more plain weeks without surprises. And hearing you say that you want this too, not only that you're sorry."
            ),
        },
    ),
]

# A partner's note once both answers are revealed, written to the other's
# answer to that question: (who writes it, what they write). Each is used
# once at most, so no note repeats.
FOLLOWUPS: dict[str, tuple[str, StrOrPromise]] = {
    "1.past.2": (
        "alex",
        _("I'd forgotten the blanket. For the record, you snored a bit."),
    ),
    "1.future.4": (
        "alex",
        _("Letters on New Year's Eve: yes. I'll do pancakes, you do the envelopes."),
    ),
    "1.fears.2": (
        "sam",
        _(
            "I had no idea you write scripts before phone calls. Next time, want to practise on me?"
        ),
    ),
    "1.appreciation.2": (
        "alex",
        _("The water jug thing: I thought you'd never noticed. Good to know."),
    ),
    "2.past.2": (
        "sam",
        _("I think about that car park too. Thank you for not filling the silence."),
    ),
    "2.past.5": (
        "alex",
        _(
            "That explains a lot about our first rows. I'll try to slow down, and you try to say something earlier?"
        ),
    ),
    "2.present.2": (
        "alex",
        _(
            "It's always okay to bring up your family. I'd rather hear it half-formed than not at all."
        ),
    ),
    "2.hopes.4": (
        "sam",
        _(
            "No tally, agreed. Shall we sit down on Sunday and look at who does what, so neither of us has to count?"
        ),
    ),
    "2.trust.2": (
        "alex",
        _(
            "You're never interrupting. If I really am busy I'll say 'give me ten minutes'."
        ),
    ),
    "3.present.5": (
        "alex",
        _("You're right, we didn't finish it. Can we pick it up on Friday evening?"),
    ),
    "3.future.2": (
        "sam",
        _(
            "A calendar, a mortgage and nothing else. That frightened me too. Let's not."
        ),
    ),
    "3.hopes.3": (
        "sam",
        _("Noted. And on your worst day I'll make the tea and not ask any questions."),
    ),
    "3.trust.3": (
        "alex",
        _(
            "I didn't know my going quiet felt like punishment. I'll tell you when I need time, and when I'll be back."
        ),
    ),
    "3.appreciation.1": (
        "sam",
        _("I didn't know the quiet bothered you when I'm away. I'll ring more."),
    ),
    "1.fears.5": (
        "sam",
        _(
            "I'll never send a bare 'can we talk later' again. It'll always come with 'nothing bad'."
        ),
    ),
    "1.future.3": (
        "sam",
        _(
            "There's a woodwork evening class at the community centre. I'll send you the details, no pressure."
        ),
    ),
    "2.hopes.5": (
        "alex",
        _(
            "I'd read anything you wrote, whenever you're ready. Or never, if that's what you want."
        ),
    ),
    "2.trust.5": (
        "sam",
        _(
            "Walks it is, then. I'll stop looking at you so hard when you're working up to something."
        ),
    ),
    "3.trust.2": (
        "alex",
        _(
            "Thank you for saying it's growing back. The phone stays face up for as long as it takes."
        ),
    ),
    "3.hopes.4": (
        "sam",
        _(
            "If you do try with your dad, I'll come along, or wait in the car. Whichever helps more."
        ),
    ),
    "home.15": (
        "alex",
        _(
            "Office of our life: noted. I'll take the birthdays and the dentist from next month."
        ),
    ),
    "everyday.18": (
        "sam",
        _("Phones in the kitchen drawer after nine? Not a rule, an experiment."),
    ),
    "family.19": (
        "sam",
        _(
            "Thank you for naming the shed. If you go quiet, I'll ask if it's the shed, and you tell me."
        ),
    ),
}
