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
    r"screwed up|blew it|dismissed|said|chose|lost|spent|took it out|shut down|"
    r"crossed|was late|made a mistake|stood you up|walked out|insulted)"
)
_WRONG = (
    r"(?:wrong|unfair|cruel|disrespectful|dishonest|selfish|unkind|thoughtless|"
    r"careless|hurtful|cowardly|a betrayal|an invasion|a serious|a violation|out of line|"
    r"not okay|not ok|not fair|not right|not kind)"
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
        r"\bI (?:didn't|did not) (?:show up|turn up|come|call|text|tell you|keep|listen|stop)\b",
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
        r"take over|make it up|cover|book|explain (?:it )?to|tell (?:him|her|them|your))\b",
        r"\bI(?:'ll| will) (?:tell|answer|show) you (?:everything|anything|whatever|any)\b",
        r"\bI(?:'ll| will) answer (?:any|every|all)\b",
        r"\bI(?:'ll| will) (?:call|phone|ring|text|write to|speak to|talk to|go to) (?:him|her|them|your \w+)\b",
        r"\bto apologi[sz]e to (?:him|her|them|your)\b",
        r"\bI(?:'ve| have) (?:already )?(?:deleted|blocked|cancelled|canceled|booked|"
        r"called|paid|told|ended|returned|unfollowed|removed|closed|transferred|"
        r"paid back|given back|put back)\b",
        r"\bI(?:'d| would) like (?:us )?to (?:make|talk|fix|sit down|go through|set up|put)\b",
    ],
    "regret": [
        r"\b(?:I'm|I am|we're|we are)\s+(?:(?:so|really|truly|deeply|very|genuinely|terribly|incredibly)\s+){0,2}sorry\b",
        r"^\W{0,3}(?:so |really )?sorry\b",
        r"\bI apologi[sz]e\b",
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
        r"\bnext time\b",
        r"\bstarting (?:now|today|this week|tomorrow|tonight)\b",
        r"\binstead of\b",
        r"\bI(?:'m| am) (?:going to|learning to|trying to) (?:change|stop|be|work|get|do better)\b",
        r"\bI(?:'m| am) working on\b",
        r"\bI(?:'ll| will) (?:do better|be more|try to be|change|stop|never)\b",
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

FLAGS = {
    "conditional": [
        r"\b(?:sorry|apologi[sz]e|regret)\b[^.!?]{0,12}?\b(?:if|in case)\b",
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
        r"\byou(?:'ve| have| were|'re| are| had)? (?:been )?(?:so|too|always|really) (?:distant|cold|controlling|difficult|critical|jealous|demanding|sensitive|dramatic|needy|angry|busy|absent)\b",
        r"\byou(?:'re| are) (?:over-?reacting|being (?:dramatic|unreasonable|too sensitive|paranoid|ridiculous))\b",
        r"\b(?:took|take|taking) (?:it|this|that|what I said) the wrong way\b",
        r"\b(?:on|from) both sides\b",
        r"\bwe(?:'re| are) both to blame\b",
        r"\bwe both (?:made mistakes|messed up)\b",
        r"\byou(?: have to| must| should| need to)? admit\b",
        r"\byou (?:started|began|provoked) (?:it|this|that)\b",
        r"\bif you'd (?:told|said|asked|listened|just|given|shown|let)\b",
        r"\bwhat was I supposed to do\b",
        r"\b(?:on|from) both (?:of our parts|ends|of us)\b",
        r"\b(?:both of us|we both) (?:are|were) to blame\b",
    ],
    "minimising": [
        r"\b(?:it|that|this|they|those)(?:'s| is| was| were) (?:just|only|merely|nothing but)\b[^.!?]{0,40}",
        r"\b(?:just|only) (?:a|one|two|three|a few|a couple of|a bit of|a little|for a (?:minute|second|moment)|twenty|ten|five|out of)\b",
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
        r"\bjust (?:joking|kidding|talking)\b",
        r"\bcalm down\b",
    ],
    "passive": [
        r"\b(?:mistakes|errors|things|words|promises|lines|boundaries|trust|feelings|money|messages|photos|it)\s+"
        r"(?:were|was|have been|has been|had been|got|get)\s+"
        r"(?:made|said|done|broken|crossed|hurt|sent|deleted|hidden|moved|spent|lost|taken|shared)\b(?! by me)",
        r"\b(?:things|it|this|that) (?:got|went|spiralled|spiraled|spun) (?:out of hand|out of control|too far|wrong)\b",
        r"\b(?:it|this|that) (?:just )?happened\b",
        r"\bhow things (?:went|turned out|ended up)\b",
    ],
}

# A flag is dropped when its sentence also matches one of these.
EXCEPT = {
    "sorry_but": [
        r"\bnot (?:just|only|merely) \w+[^.!?]{0,40}?\bbut\b",
        r"\bbut (?:also|more than)\b",
    ],
}
