"""English patterns for the apology checker.

Data only: to support another language, add `patterns_<code>.py` with the
same four names (COMMON_WORDS, COMPONENTS, FLAGS, EXCEPT); the checker picks
it by the writer's language. Patterns are case-insensitive Python regular
expressions matched within one sentence at a time, after curly quotes and
dashes are straightened. Keep them linear: bounded repeats only, so no text
can make matching slow.

What each component and flag means, and where the idea comes from, is in
docs/apology-checker.md. These lists are a heuristic written for Troth, not
a validated instrument.
"""

# The letters the language is written in: text mostly in other letters is
# not checked as if it were English.
ALPHABET = r"[A-Za-z]"

# A few of the most frequent English words: when almost none of a text's
# words are among them, the text is probably not English and the checker
# says it may miss things.
COMMON_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "you",
        "your",
        "we",
        "our",
        "us",
        "it",
        "its",
        "is",
        "was",
        "were",
        "be",
        "been",
        "am",
        "are",
        "do",
        "did",
        "done",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "that",
        "this",
        "not",
        "no",
        "so",
        "as",
        "by",
        "from",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "what",
        "when",
        "how",
        "sorry",
        "just",
        "all",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "you're",
        "you've",
        "it's",
        "that's",
        "don't",
        "didn't",
        "won't",
        "can't",
        "isn't",
        "wasn't",
    ]
)

_STATES = (
    r"(?:scared|afraid|anxious|stressed|overwhelmed|ashamed|embarrassed|worried|"
    r"jealous|insecure|drunk|exhausted|tired|angry|panicking|buried|lonely|"
    r"frightened|nervous|confused|hurt)"
)
_ACTS = (
    r"(?:lied|cheated|hid|broke|betrayed|deceived|ignored|forgot|missed|snapped|"
    r"yelled|shouted|screamed|mocked|embarrassed|humiliated|read|looked|went|"
    r"kept|cancelled|canceled|told(?! myself)|flirted|hurt|let you down|messed up|"
    r"screwed up|blew it|dismissed|said(?! (?:I'm |I am )?sorry)|chose|lost|spent|took it out|shut down|"
    r"crossed|was late|made a mistake|stood you up|walked out|insulted|checked|"
    r"raised my voice|slammed|dropped|let you (?:believe|think|wait|carry))"
)
_WRONG = (
    r"(?:wrong|unfair|cruel|disrespectful|dishonest|selfish|unkind|thoughtless|"
    r"careless|hurtful|cowardly|a betrayal|an invasion|a serious|a violation|out of line|"
    r"not okay|not ok|not fair|not right|not kind|harsh|rude|mean|nasty|out of order)"
)

COMPONENTS = {
    "responsibility": [
        r"\b(?:it|that|this)(?:'s| is| was) (?:all |entirely |completely )?my (?:fault|doing|responsibility|mistake)\b",
        r"\bmy fault\b",
        r"\b(?:that|it|this)(?:'s| is) on me\b",
        r"\bI (?:take|accept) (?:full |complete |total )?responsibility\b",
        r"\bI own (?:it|that|this|what I did)\b",
        r"\bI(?:'m| am) (?:fully |entirely )?responsible\b",
        r"\bI (?:was|am|'ve been|have been|'m) (?:so |really |being )?" + _WRONG,
        r"\bI(?:'ve| have) been (?:dismissive|distant|cold|secretive|defensive)\b",
        r"\bI (?:should(?:n't| not| never)?) have\b",
        r"\bI had no right\b",
        r"\b(?:it|that|this|what I did|they) (?:was|were|is|'s) " + _WRONG,
        r"\b(?:it|that) (?:wasn't|was not|isn't|is not) (?:fair|okay|ok|right|kind)\b",
        r"\bI (?:know I |really |only |just |even |also |actually )?" + _ACTS + r"\b",
        r"\bI let you\b[^.!?]{0,25}?\bdown\b",
        r"\bI (?:wasn't|was not) there\b",
        r"\bI (?:didn't|did not)(?=\s*(?:[.!?]|$))",
        r"\bI(?:'d| had) (?:hurt|lied|let you down)\b",
        r"^\s*I\b[^.!?]{0,40}?\band (?:then )?" + _ACTS + r"\b",
        r"\bI (?:didn't|did not) (?:show up|turn up|come|call|text|tell you|keep|listen|stop|defend|stand up for)\b",
        r"\bI(?:'ve| have) (?:lied|hidden|broken|betrayed|ignored|hurt|let you down|been lying)\b",
    ],
    "repair": [
        r"\bmake (?:it|this|things) (?:right|up to you)\b",
        r"\bmake up for\b",
        r"\bput (?:it|this|things) right\b",
        r"\bwhat can I do\b",
        r"\bhow can I (?:make|help|fix|earn|show|rebuild)\b",
        r"\bis there anything I can do\b",
        r"\bif it (?:would|will|might) help\b",
        r"\bif you(?:'d| would) like,? I\b",
        r"\bif you want,? I\b",
        r"\blet me (?:make|fix|pay|help|buy|cook|take|do|show)\b",
        r"\bcan I (?:make|help|fix|pay|buy|cook|take|do|show)\b",
        r"\bI(?:'ll| will) (?:pay|replace|fix|apologi[sz]e to|show you|give you|"
        r"take over|make it up|cover|book|explain (?:it )?to|tell (?:him|her|them|your)|"
        r"drive|cook|clean|do the|pick (?:you|her|him|them) up)\b",
        r"\bI(?:'ll| will) (?:tell|answer|show) you (?:everything|anything|whatever|any)\b",
        r"\bI(?:'ll| will) answer (?:any|every|all)\w*",
        r"\bI(?:'ll| will) do (?:whatever|anything) (?:you need|it takes|I can)\b",
        r"\bearn (?:back )?your trust\b",
        r"\bI(?:'ll| will) (?:call|phone|ring|text|write to|speak to|talk to|go to) (?:him|her|them|your \w+)\b",
        r"\bto apologi[sz]e to (?:him|her|them|your)\b",
        r"\bI(?:'ve| have) (?:already )?(?:deleted|blocked|cancelled|canceled|booked|"
        r"called|paid|told|ended|returned|unfollowed|removed|closed|transferred|"
        r"paid back|given back|put back|added you|reported|written to|set up)\b",
        r"\bI(?:'d| would) like (?:us )?to (?:make|talk|fix|sit down|go through|set up|put)\b",
    ],
    "regret": [
        r"\b(?:I'm|I am|we're|we are)\s+(?:(?:so|really|truly|deeply|very|genuinely|terribly|incredibly)\s+){0,2}sorry\b",
        r"^\W{0,3}(?:so |really )?sorry\b",
        r"\bI (?:really |truly |honestly )?am (?:so |really |truly )?sorry\b",
        r"\bI apologi[sz]e\b",
        r"\bI(?:'ve| have)? (?:already )?(?:apologi[sz]ed|said sorry)\b",
        r"\bmy (?:sincere |deepest )?apologies\b",
        r"\bplease accept my apology\b",
        r"\bI (?:(?:deeply|truly|really|so) )?regret\b",
        r"\bI feel (?:so |really )?(?:terrible|awful|sick|horrible|bad|ashamed|guilty)\b",
        r"\bI(?:'m| am) (?:so |really |deeply )?ashamed\b",
        r"\bI wish I (?:had|hadn't|had not|could take)\b",
    ],
    "explanation": [
        r"\bbecause (?:I|I'd|I'm|I was|my)\b",
        r"\bthe reason (?:is|was|I)\b",
        r"\bwhat happened (?:is|was)\b",
        r"\bI(?: was| felt|'d been| had been|'ve been| have been) (?:so |really |very |too )?"
        + _STATES
        + r"\b",
        r"\b(?:stressed|busy|tired|exhausted|overwhelmed|scared) (?:I've|I have|I'd|I had) been\b",
        r"\bI told myself\b",
        r"\bI got (?:caught up|held up|distracted|carried away)\b",
        r"\bI needed\b",
        r"\b(?:that's|that is) why I\b",
        r"\bI think I (?:did|was|wanted|needed|said)\b",
        r"\bI didn't (?:want (?:you|to)|know how)\b",
        r"\bI slept badly\b",
        r"\bI (?:just )?panicked\b",
        r"\bout of (?:boredom|fear|jealousy|habit|spite|panic)\b",
        r"\bto protect (?:you|myself|us)\b",
        r"\b(?:work|the traffic|traffic|my job|my boss) (?:has been|had been|was|is)\b",
    ],
    "repentance": [
        r"\b(?:it |this |that )?won't happen again\b",
        r"\bwill not happen again\b",
        r"\bnever (?:again|happen again)\b",
        r"\bI (?:won't|will not|will never|'ll never|am not going to|'m not going to|'m never going to)\b[^.!?]{0,60}?\bagain\b",
        r"\bI(?:'m| am) not going to (?:contact|do|let|hide|lie|see|text|message)\b",
        r"\bfrom (?:now|here|today|this day) on\b",
        r"\bI(?:'ll| will) (?:always |)be (?:honest|open|upfront|on time|there)\b",
        r"\bgoing forward\b",
        r"\bin (?:the )?future\b",
        r"\bnext time\b(?!,? you\b)",
        r"\bstarting (?:now|today|this week|tomorrow|tonight)\b",
        r"\bI(?:'ll| will| can|'m going to| am going to)\b[^.!?]{0,60}?\binstead of\b",
        r"\bI(?:'m| am) (?:going to|learning to|trying to) (?:change|stop|be|work|get|do better|show you)\b",
        r"\bI(?:'m| am) working on\b",
        r"\bI need to work on\b",
        r"\bI(?:'ll| will) (?:do better|be more|try to be|change|stop|never)\b",
        r"\bI(?:'ll| will) be (?:calmer|kinder|gentler|better)\b",
        r"\bI(?:'ll| will) stick to\b",
        r"\bI(?:'ve| have) learn(?:ed|t)\b",
    ],
    "forgiveness": [
        r"\bforgive me\b",
        r"\b(?:can|could|will|would) you (?:ever |possibly |one day )?forgive\b",
        r"\b(?:your|for) forgiveness\b",
        r"\bhope (?:that )?(?:you can|you'll|one day you|in time you)\b[^.!?]{0,30}?\bforgive\b",
    ],
}

# Past participles of things done to a partner or their trust: "mistakes
# were made", "the money was spent". With a subject that is not a person
# and no "by me", they say what happened without saying who did it.
_DONE = (
    r"(?:made|said|done|broken|crossed|hurt|sent|deleted|hidden|moved|spent|lost|"
    r"taken|shared|damaged|forgotten|missed|ruined|used|exchanged|wasted|thrown|"
    r"smashed|slammed|dropped|leaked|revealed|told|read|posted|overlooked|"
    r"neglected|ignored|cancell?ed|betrayed|violated|misplaced|mishandled|kept|"
    r"given away|sold|skipped|raised|let down|left|opened|forgot|mixed up|paid|"
    r"passed on|handed|given|forwarded|copied|printed|uploaded|screenshotted)"
)
# Who can be the actor: a sentence whose subject is one of these names
# someone, so it is not an agentless passive ("I was told", "you were hurt").
_PEOPLE = r"(?:I|we|you|he|she|they|who|me|us|him|her|them)"
# A word that is not one of those, then a space: the subject of what follows.
_NOT_PERSON = r"\b(?!(?:" + _PEOPLE + r"|to)\b)[a-z]+\s+"
_BE_GOT = (
    r"(?:was|were|wasn't|weren't|was not|were not|got|gets|get|has been|have been|"
    r"had been|hasn't been|haven't been)"
)
# After "got", these describe how someone was, not what was done.
_GOT_STATE = (
    r"(?:married|engaged|bored|tired|scared|worried|stuck|used|excited|involved|"
    r"dressed|interested|annoyed|frustrated|stressed|confused|carried|caught|"
    r"distracted|held|frightened|attached|obsessed|overwhelmed|embarrassed)"
)

FLAGS = {
    "conditional": [
        r"\b(?:sorry|apologi[sz]e|apologies|regret)\b[^.!?]{0,12}?\b(?:if|in case)\b",
        r"\bif (?:I|my \w+|anything I|something I|what I|that|it|this|you were|you felt|you feel|you're|you are)\b"
        r"[^.!?]{0,30}?\b(?:hurt|upset|offended|bothered|wounded|insulted|came across|made you)\b",
        r"\bto the extent (?:that )?\w+",
        r"\bwhatever I (?:did|said|have done)\b",
        r"\bfor anything I (?:did|said|might have)\b",
        r"\bif (?:I did|I've done|I have done) (?:something|anything)\b",
        r"\bif\b[^.!?]{0,30}?\bin any way\b",
    ],
    "sorry_you_feel": [
        r"\b(?:sorry|apologi[sz]e|regret)\s+(?:that\s+)?you\s*(?:'re|are|were|feel|felt|took|see|think|got|get|have been|'ve been)\b",
        r"\bsorry (?:for )?(?:how|the way) you (?:feel|felt|took|see|reacted)\b",
        r"\bsorry (?:that's|that is) how you (?:feel|see)\b",
        r"\b(?:made|make) you feel (?:this|that|that way|this way)\b",
        # Sorry for the reaction or for how they learnt of it, not the act.
        r"\bsorry (?:that )?(?:it|this|that) (?:upset|bothered|offended|annoyed|hurt|affected) you\b",
        r"\bsorry if you (?:felt|feel|were|are|'re|got)\b",
        r"\bsorry (?:that )?my \w+ (?:upset|bothered|offended|annoyed|affected) you\b",
        r"\bsorry (?:that )?you had to (?:find out|hear|see|learn|read|deal)\b",
    ],
    "sorry_but": [
        r"\b(?:sorry|apologi[sz]e|regret)\b[^.!?]{0,80}?\bbut\b",
    ],
    "blame": [
        r"\byou (?:made|make|forced|pushed|drove) me\b",
        r"\b(?:it's|it is|it was|that's|this is) (?:all |partly |also )?your fault\b",
        r"\byour fault(?: too)?\b",
        r"\bif you (?:hadn't|had not|didn't|did not|weren't|were not|wouldn't|had been|'d been|had just|'d just|'d listened|had listened)\b",
        r"\byou (?:always|never|constantly|kept|keep)\b",
        r"\bwhat did you expect\b",
        r"\byou (?:left|gave) me no choice\b",
        r"\byou know how I (?:get|am)\b",
        r"\b(?:because|since) you (?:were|are|did|didn't|kept|always|never|have been|'ve been|wouldn't)\b",
        r"\byou(?:'ve| have| were|'re| are| had)? (?:been )?(?:so|too|always|really) (?:distant|cold|controlling|difficult|critical|jealous|demanding|sensitive|dramatic|needy|angry|busy|absent|secretive)\b",
        r"\byou(?:'re| are) (?:over-?reacting|being (?:dramatic|unreasonable|too sensitive|paranoid|ridiculous))\b",
        r"\b(?:took|take|taking) (?:it|this|that|what I said) the wrong way\b",
        r"\b(?:on|from) both sides\b",
        r"\bwe(?:'re| are) both to blame\b",
        r"\bwe both (?:made mistakes|messed up)\b",
        r"\byou(?: have to| must| should| need to)? admit\b",
        r"\byou (?:started|began|provoked) (?:it|this|that)\b",
        r"\bif you(?:'d| had) (?:just |only )?(?:[a-z]+ed|told|said|let|given|shown|done|kept|taken|come|gone|rung)\b",
        r"\bwhat was I supposed to do\b",
        r"\b(?:on|from) both (?:of our parts|ends|of us)\b",
        r"\b(?:both of us|we both) (?:are|were) to blame\b",
        # Who began it.
        r"\bwho (?:started|began|brought (?:it|this|that) up)\b",
        r"\byou(?:'re| are| were) the one (?:who|that)\b",
        r"\byou [a-z]+ed (?:\w+ )?first\b",
        # Tit for tat: they did it too, so it evens out.
        r"\byou(?:'d| would)? (?:did|do|have done|'ve done|had done|'d have done|would have done|said) (?:exactly |just |much )?the same\b",
        r"\byou (?:did|do|were|are|have|had)(?: \w+){0,4} (?:too|as well)\b",
        r"\bwe(?:'re| are) (?:square|even|quits)\b",
        r"\b(?:when|once) you (?:say sorry|apologi[sz]e)\b",
        r"\byou can(?:'t| not|not)? (?:hardly |really )?(?:complain|talk|judge)\b",
        r"\b(?:the )?(?:high|moral) ground\b",
        r"\blook who's talking\b",
        r"\bafter (?:what|the way|how) you\b",
        # What they should have done instead.
        r"\byou (?:should|could|ought to)(?:n't| not)? (?:have|'ve)\b(?! (?:had to|been able|been hurt|been killed|been injured))",
        r"\byou ought to\b",
        r"\b(?:next time|in future),? you (?:should|need to|have to|could|can|must)\b",
        # Both of them, so not all on the writer.
        r"\bneither of us\b",
        r"\bnot (?:all|only|just) (?:on me|my fault|me)\b",
        r"\bon you as much as\b",
        r"\b(?:it's|it is|that's|that is|this is)(?: \w+)? on you\b",
        r"\bI (?:don't|do not) (?:know|see|get|understand) why you(?:'re| are)\b",
        r"\btreat(?:ed|ing)? (?:me )?like a (?:criminal|child|monster|suspect)\b",
        # "You" did it too, or worse, or on purpose: a clause with "you" as
        # its subject and a word that weighs their part against the writer's.
        r"\byou(?:'d|'ve|'re|'ll)?\s(?!too\b)\w+\b[^.!?,;]{0,60}?\b(?:too|either|as well)\b"
        r"(?! (?:many|much|long|often|far|soon|late|early|hard|well|little))",
        r"\byou\b[^.!?,;]{0,60}?\b(?:deliberately|on purpose|all the time|every (?:other )?"
        r"(?:day|night|week)|worse|twice as|more than (?:me|I did))\b",
        r"\byou (?:weren't|were not|didn't|did not|aren't|are not|haven't|hadn't) exactly\b",
        r"\byourself (?:last|that|the other)\b",
        r"\b(?:so|neither|nor) (?:were|did|have|had|are|do|would) you\b",
        r"\b(?:don't|do not|let's not|let us not) forget (?:that )?you\b",
        r"\btakes two\b",
        r"\bwhat (?:do|did|would) you expect\b",
        r"\bcall it (?:even|quits|square)\b",
        r"\b(?:wind|winds|winding|wound) me up\b",
        r"\bpush(?:es|ing)? my buttons\b",
        # What they did not do, or how they would have to be, for it not to happen.
        r"\byou (?:just )?(?:stood there|sat there|let (?:it|them|him|her) happen)\b",
        r"\byou (?:didn't|did not|never) (?:say|stop|tell|ask|warn|remind|mention|check|help|"
        r"stand up|back me up)\w*\b",
        r"\bif you(?:'d| had) been\b",
        r"\bif you (?:were|was|'d be|would be) (?:more|less|a bit|a little|nicer|kinder|home|"
        r"around|there|clearer|honest)\b",
        r"\byou(?:'re| are| were|'ve been) (?:no|hardly|not exactly|not) (?:a )?(?:saint|angel|"
        r"perfect|innocent|blameless)\b",
        r"\b(?:in fairness|to be fair|mind you|then again),? you\b",
        r"\bmind you[.!?]?$",
    ],
    "minimising": [
        r"\b(?:it|that|this|they|those)(?:'s| is| was| were) (?:just|only|merely|nothing but)\b(?! to )[^.!?]{0,40}",
        r"\b(?:just|only) (?:a|one|two|three|a few|a couple of|a bit of|a little|for a (?:minute|second|moment)|twenty|ten|five|out of)\b(?! (?:first|start|beginning))",
        r"\b(?:not|no) (?:a|such a|that) big deal\b",
        r"\bno big deal\b",
        r"\b(?:such|not that|not such) a big (?:deal|thing)\b",
        r"\b(?:it|that) was (?:one|a single)\b",
        r"\b(?:only|just)\b[^.!?]{0,40}?\bfor a (?:second|minute|moment|bit)\b",
        r"\bnothing (?:serious|much|major|to worry about)\b",
        r"\bmeant nothing\b",
        r"\byou(?:'re| are) (?:being )?(?:paranoid|dramatic|hysterical|over-?sensitive|too sensitive|ridiculous)\b",
        r"\b(?:it|that|this) (?:wasn't|was not|isn't|is not) (?:that|so|a big|such a) (?:bad|big|serious|important|much)\b",
        r"\b(?:didn't|did not|doesn't|does not) mean anything\b",
        r"\bnothing (?:actually |really )?happened\b",
        r"\bnever went anywhere\b",
        r"\bover-?react(?:ing|ed)?\b",
        r"\btoo sensitive\b",
        r"\bmaking (?:a big deal|a mountain|such a fuss)\b",
        r"\bout of proportion\b",
        r"\bblow(?:ing|n)? (?:it|this|things) up\b",
        r"\bit's not like\b",
        r"\bat least I (?:didn't|never|wasn't)\b",
        r"\bharmless\b",
        r"\bjust (?:a bit of )?fun\b",
        r"\bjust (?:joking|kidding|talking|teasing|messing)\b",
        r"\bcalm down\b",
        # By good intent: the hurt weighed against what was meant.
        r"\bI meant (?:it )?(?:well|kindly|as a joke|no harm)\b",
        r"\b(?:my )?(?:intentions|heart) (?:was|were) (?:good|in the right place)\b",
        r"\bgood intentions\b",
        r"\b(?:it|that|this) (?:was|wasn't|was not|was never|never was) (?:meant|intended|supposed)\b",
        r"\bI (?:didn't|did not|never) (?:mean|meant|intend|intended) (?:for|to|any|it|anything|that)\b",
        r"\bI (?:didn't|did not) do it to\b",
        r"\b(?:I|I've|I'd) (?:only|just)? ?(?:meant|wanted|did it|was trying|been trying) to (?:help|protect|share|do|make|save|be nice|surprise|keep)\b",
        r"\b(?:I was|I've been) (?:only |just )?trying to (?:help|protect|do|make|save|be nice|surprise|keep)\b",
        r"\b(?:it was|it's) (?:a|just a|only a) joke\b",
        r"\bbanter\b",
        r"\bno harm (?:meant|intended|done)\b",
        # By size: how little, how short, how long ago.
        r"\b(?:it's|it is|it was|that's|that was|this is) hardly\b",
        r"\bat (?:the )?most\b",
        r"\bbarely (?:a |an |half |any|\w+ (?:minutes|seconds|hours|pounds|dollars|euros))",
        r"\bnothing we can't\b",
        r"\b(?:only|just) (?:money|words|once|twice)\b",
        r"\bonly \w+ (?:once|twice)\b",
        r"\b(?:spent|took|borrowed|used|drank|had|was|were|got) (?:a little|a bit|a tiny bit|a little bit)\b",
        r"(?<!n't a )(?<!not a )(?<!n't )(?<!not )\b(?:a )?(?:silly|little|tiny|harmless|throwaway|innocent|white|small|minor) (?:comment|joke|remark|thing|mistake|slip|lie|detail|matter|kiss|text)\b",
        r"\bnot the end of the world\b",
        r"\bin the grand scheme\b",
        r"\b(?:looked|read|checked|glanced|peeked|talked|spoke|chatted|kissed|saw|used|left (?:you|them|her|him|the \w+))\b[^.!?]{0,30}?\bfor (?:a|one) (?:second|minute|moment|sec)\b",
        r"\bquick (?:coffee|drink|chat|look|peek|glance|kiss|text)\b",
        r"\bI had one\b",
        r"\bI (?:only|just) (?:glanced|skimmed|looked|peeked|checked|borrowed|mentioned|kissed|"
        r"texted|had a)\b",
        r"\bI meant (?:it|that) as\b",
        r"\b(?:it|that) (?:wasn't|was not|was never) (?:deliberate|intentional|on purpose|"
        r"personal|malicious)\b",
        r"\b(?:didn't|did not|never) (?:do|say|mean) (?:it|that|this|anything) (?:on purpose|"
        r"deliberately|intentionally)\b",
        r"\b(?:was|were) (?:only|just) (?:gone|away|out|late|there)\b",
        r"\b(?:make|turn|making|turning) (?:it|this|that)? ?(?:into )?a big (?:thing|deal|fuss)\b",
        r"\b(?:trying|meant|wanted|supposed) to be (?:funny|nice|helpful|kind|romantic|sweet|"
        r"a joke|a surprise|supportive|thoughtful|playful)\b",
        r"\b(?:didn't|did not|never) (?:think|realise|realize|expect) (?:you'd|you would|it would|"
        r"it'd) (?:mind|care|notice|matter|be (?:bothered|upset|a problem|a big deal|an issue))\b",
        r"\bthought (?:you|it) (?:wouldn't|would not|won't|didn't) (?:mind|care|notice|matter|"
        r"be (?:bothered|a problem|a big deal))\b",
        r"\bone-?(?:time|off)\b",
        r"\b(?:maybe|about|only|just|barely|like|talking|talking about|roughly|around|tops|"
        r"no more than) (?:a |an |one |two |three |four |five |ten |fifteen |twenty |thirty |"
        r"a few |a couple of |\d+ )(?:minutes?|mins?|seconds?|secs?|quid|pounds|dollars|euros|"
        r"bucks|drinks?|times?|texts?|messages?)\b",
        r"(?<!n't an )(?<!not an )\b(?:an )?(?:honest|innocent|simple|easy|understandable) mistake\b",
        r"\banyone (?:could|would) have\b",
        r"\b(?:didn't|did not|never) \w+ anything (?:important|serious|private|bad)\b",
    ],
    "passive": [
        r"\b(?:mistakes|errors|things|words|promises|lines|boundaries|trust|feelings|money|messages|photos|it)\s+"
        r"(?:were|was|have been|has been|had been|got|get)\s+"
        r"(?:made|said|done|broken|crossed|hurt|sent|deleted|hidden|moved|spent|lost|taken|shared)\b(?! by me)",
        r"\b(?:things|it|this|that) (?:got|went|spiralled|spiraled|spun) (?:out of hand|out of control|too far|wrong)\b",
        r"\b(?:it|this|that) (?:just )?happened\b",
        r"\bhow things (?:went|turned out|ended up)\b",
        # Any subject that is not a person, a passive of a harmful act, and
        # no "by me": the outcome is named, the actor is not.
        _NOT_PERSON
        + _BE_GOT
        + r"\s+(?:(?:\w+ly|never|not|all)\s+)?"
        + _DONE
        + r"\b(?![^.!?]{0,30}\bby (?:me|myself)\b)",
        # "Got" with a regular participle is a happening, not a state ("got
        # chipped"), except for the words that describe a person.
        _NOT_PERSON + r"(?:got|gets|get)\s+(?!" + _GOT_STATE + r"\b)[a-z]+ed\b",
        # Things that happen by themselves.
        _NOT_PERSON + r"(?:came|slipped|leaked|got) out\b",
        _NOT_PERSON + r"ended up\b",
        _NOT_PERSON
        + r"(?:escalated|spiralled|spiraled|blew up|went too far|went further)\b",
        _NOT_PERSON + r"(?:has|have|had) (?:gone|disappeared|vanished)\b",
        r"\bwent (?:missing|astray)\b",
        r"\bone thing led to another\b",
        r"\bsorry (?:about|for) (?:what|everything that|all that) (?:happened|went on)\b",
    ],
    "pressure": [
        r"\b(?:move|moving) (?:on|past|forward)\b",
        r"\b(?:get|got|getting) (?:past|over) (?:this|it|that)\b",
        r"\bput (?:this|it|that) (?:behind us|in the past)\b",
        r"\bdraw a line\b",
        r"\b(?:forget|drop) (?:about )?(?:it|this|that)\b",
        r"\bwater under the bridge\b",
        r"\bstop (?:bringing|dragging) (?:it|this|that) up\b",
        r"\b(?:are|can) we (?:be |go back to |get back to )?(?:good|okay|ok|fine|cool|normal|alright|all right)\b",
        r"\bback to normal\b",
        r"\bneed (?:you|us) to (?:forgive|be (?:okay|ok|fine|good|normal|alright))\b",
        r"\byou (?:have|need|ought|must|got) to forgive\b",
        r"\bforgive me (?:now|already|today|tonight|right now)\b",
        r"\bwhat more do you want\b",
        r"\b(?:apologi[sz]ed|said (?:I'm )?sorry)\b[^.!?]{0,20}?\b(?:already|times|twice|enough)\b",
        r"\balready (?:apologi[sz]ed|said (?:I'm )?sorry)\b",
        r"\bhow long (?:are|will) you\b",
        r"\bhold(?:ing)? (?:it|this|that) (?:over|against) me\b",
        r"\blet's not (?:let|make|turn|dwell|talk|go|drag|bring|keep)\b",
        r"\b(?:are|is) (?:we|this|it) (?:done|finished|over)\b",
        r"\b(?:can|could|shall) we (?:please |just )?(?!talk\b|sit\b)\w+\b[^.!?]{0,40}\bnow\b",
        r"\b(?:say|tell me) (?:that )?you forgive me\b",
        r"\bkiss and make up\b",
        r"\b(?:silent treatment|cold shoulder)\b",
        r"\b(?:no point|don't|let's not) dwell",
        r"\blet (?:it|this|that) go\b",
        r"\b(?:can we|let's|let us|just|please) (?:just )?leave it\b",
        r"\bput (?:this|it|that) (?:to bed|away)\b",
        r"\b(?:talk about|change) (?:something else|the subject)\b",
        r"\bstop (?:being (?:angry|upset|mad|cold|hurt|sad|off|funny) with me|sulking|going on about)\b",
        r"\bback to (?:how (?:we|it|things|they) (?:were|was))\b",
        r"\b(?:be|get) (?:normal|okay|ok|fine|good) again\b",
    ],
}

# A flag (or a component) is dropped when its sentence also matches one of
# these.
EXCEPT = {
    # "I dropped your phone and the screen got cracked" names the actor
    # first.
    "passive": [
        r"^\s*I (?:[a-z]+ed|left|forgot|broke|lost|took|made|let|kept|spent|told|threw|"
        r"hit|drove|ran)\b[^.!?]{0,60}\band\b",
    ],
    # "I'd understand if you can't forgive me" asks for nothing.
    "forgiveness": [
        r"\bif you (?:can't|cannot|can not|don't|won't) forgive\b",
        r"\bnot asking (?:you )?(?:to|for) forgive",
    ],
    "sorry_but": [
        r"\bnot (?:just|only|merely) \w+[^.!?]{0,40}?\bbut\b",
        r"\bbut (?:also|more than)\b",
    ],
    # "If you'd picked up…" blames; it does not make the hurt hypothetical.
    "conditional": [
        r"\bif you(?:'d| had| hadn't| had not| didn't| did not) (?!like|prefer|rather|want)",
    ],
    # Owning it: "none of this is your fault", "you never asked for this".
    "blame": [
        r"\byou (?:never|didn't|did not) (?:asked?|deserved?|wanted?|signed up) for\b",
        r"\b(?:not|none of (?:this|it) (?:is|was)|never|isn't|wasn't|is not|was not) (?:\w+ )?your fault\b",
    ],
    # Giving them time is the opposite of pressing them.
    "pressure": [
        r"\b(?:when|whenever|if|until) you(?:'re| are| feel)? (?:ready|want)\b",
        r"\b(?:don't|do not|won't|will not|not) (?:expect|ask|rush|push|pressure|hurry)\b",
        r"\bin (?:your own )?time\b",
        r"\bno rush\b",
        r"\btake (?:all )?(?:the|as much) time\b",
    ],
}
