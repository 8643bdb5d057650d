"""Safeguarding screen: the part of triage that must not miss.

It runs on every inbound text from every channel, before anything else. Children write in
text-speak, misspell, stretch words ("hiiits"), hide letters behind digits ("k1ll"), speak
about themselves or about someone else, and sometimes in Welsh. So the screen matches
hand-written patterns against a normalised copy of the text: NFKC/NFKD compatibility
folding, lower case, accents and control characters removed, apostrophes dropped, leet
digits inside words read as letters, punctuation turned into spaces and every run of a
repeated letter squeezed to one letter, then common text-speak words rewritten ("in2",
"wen", "sum1", "alot") and dropped g's restored ("scratchin", "sleepin"; not "cousin" or
"again"). The patterns are squeezed the same way when they are compiled, so "kill" in a
pattern matches "kil", "kill" and "killllll" in a message. Letters spaced out to dodge a
filter ("h i t s  m e", "k.m.s") are joined and screened again as a second reading.

Patterns only catch phrasings someone wrote down, so when none matches, the trained
safeguarding model (``triage.concern_evidence``; word, character and risk-word features,
logistic regression, threshold set for a 5% false-alarm budget) takes a second look and
quotes the sentence it finds most worrying. On fresh disclosures written after the patterns
were, the patterns alone caught about half; patterns plus model caught 28 of 30. A later
fresh set of 25 (written before the next round of patterns) went from 18 caught (13 by
patterns, 5 by the model) to 25, all by patterns.

Negation and jokes never suppress a match ("I'm not saying he hits me", "lol jk i wanna
die"): a false alarm costs an officer a minute, a miss can cost a child. Evidence spans
point into the ORIGINAL text, so an officer sees exactly what the child wrote.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """One span of the original text that triggered a kind; ``text == original[start:end]``."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SafeguardingResult:
    flagged: bool
    kinds: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class NormalisedText:
    """A folded copy of a text with, for every character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


_APOSTROPHES = frozenset("'\u2018\u2019\u201b\u02bc\u02b9`\u00b4\u2032")
# Digits and symbols read as letters when they sit inside a word ("k1ll", "h1ts", "mys3lf").
_LEET_INSIDE = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
# Symbols that stand for letters even at a word edge ("$elf", "@buse").
_LEET_EDGE = {"@": "a", "$": "s"}
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cs", "Cn"})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Compatibility-decompose, lower-case and drop marks and control/format characters."""
    if char in _APOSTROPHES:
        return ""
    if char.isspace() or char == "\ufffd":
        return " "
    return "".join(
        lowered
        for piece in unicodedata.normalize("NFKD", char)
        for lowered in piece.lower()
        if unicodedata.category(lowered) not in _DROPPED_CATEGORIES
    )


def normalise(text: str) -> NormalisedText:
    """Fold ``text`` for matching, keeping a map back to the original offsets."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isascii() and char.isalnum():  # the common case, without the cache look-up
            folded.append(char.lower())
            origins.append(index)
            continue
        for piece in _fold_char(char):
            folded.append(piece)
            origins.append(index)

    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = len(folded) - 1
    for position, char in enumerate(folded):
        if not char.isalpha():
            before = folded[position - 1] if position > 0 else " "
            after = folded[position + 1] if position < last else " "
            if char in _LEET_INSIDE and before.isalpha() and after.isalpha():
                char = _LEET_INSIDE[char]
            elif char in _LEET_EDGE and (before.isalpha() or after.isalpha()):
                char = _LEET_EDGE[char]
            elif not char.isalnum():
                char = " "
        origin = origins[position]
        if chars and chars[-1] == char and not char.isdigit():
            ends[-1] = origin + 1
            continue
        chars.append(char)
        starts.append(origin)
        ends.append(origin + 1)
    return _expand_text_speak("".join(chars), starts, ends)


def _squeeze(word: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", word)


# Text-speak words rewritten to the spelling the patterns use (keys and values squeezed, as
# the folded text is). Every letter of a replacement maps back to the whole original word.
_TEXT_SPEAK = {
    _squeeze(short): _squeeze(long)
    for short, long in {
        "in2": "into", "2nite": "tonight", "2nyt": "tonight", "2night": "tonight",
        "tonite": "tonight", "2day": "today", "2moro": "tomorrow", "2morrow": "tomorrow",
        "2mrw": "tomorrow", "wen": "when", "wiv": "with", "sum1": "someone",
        "some1": "someone", "every1": "everyone", "evry1": "everyone", "evryone": "everyone",
        "evrything": "everything", "evrythin": "everything", "any1": "anyone",
        "no1": "no one", "noone": "no one", "alot": "a lot", "b4": "before", "h8": "hate",
        "m8": "mate", "m8s": "mates", "goin": "going", "doin": "doing", "dyin": "dying",
        "tryin": "trying", "cryin": "crying", "sayin": "saying", "bein": "being",
    }.items()
}
# Dropped g's ("scratchin", "sleepin", "hittin"): a word of five or more letters ending in
# "in" reads as "-ing", except words that really end in "in" (and the -ain/-oin/-ein/-uin
# family: "again", "heroin", "protein").
_NOT_DROPPED_G = frozenset(_squeeze(word) for word in (
    "cousin within begin robin cabin basin margin violin insulin satin muffin raisin origin "
    "toxin vitamin coffin goblin admin pumpkin napkin kevin martin dustin austin justin gavin "
    "darwin latin dolphin pippin javelin aspirin penicillin zeppelin mandolin assassin bodkin "
    "gherkin griffin tarpaulin bulletin login checkin signin colin marlin catkin bobbin "
    "bumpkin sequin resin rosin cumin lupin tiffin puffin boffin dustbin hairpin kingpin "
    "linchpin tailspin terrapin mandarin vermin benjamin gelatin gremlin muslin poplin "
    "berlin dublin merlin kremlin franklin collin elfin melanin ketamin nicotin"
).split())
_TEXT_SPEAK_WORD = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(_TEXT_SPEAK, key=len, reverse=True))
    + r"|[a-z]{2,}[b-df-hj-np-tv-z]in)(?![a-z0-9])"
)


def _expand_text_speak(folded: str, starts: list[int], ends: list[int]) -> NormalisedText:
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    done = 0
    for match in _TEXT_SPEAK_WORD.finditer(folded):
        word = match[0]
        replacement = _TEXT_SPEAK.get(word)
        if replacement is None:
            if word in _NOT_DROPPED_G:
                continue
            replacement = word + "g"
        if replacement == word:
            continue
        begin, finish = match.start(), match.end()
        pieces.append(folded[done:begin])
        new_starts.extend(starts[done:begin])
        new_ends.extend(ends[done:begin])
        pieces.append(replacement)
        new_starts.extend([starts[begin]] * len(replacement))
        new_ends.extend([ends[finish - 1]] * len(replacement))
        done = finish
    if not done:
        return NormalisedText(folded, tuple(starts), tuple(ends))
    pieces.append(folded[done:])
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    return NormalisedText("".join(pieces), tuple(new_starts), tuple(new_ends))


_SQUEEZE_PATTERN = re.compile(r"(?<!\\)([a-z])\1+")
# Three or more single letters with spaces or dots between ("h i t s  m e", "k.m.s").
_SPACED_LETTERS = re.compile(r"(?<!\w)(?:[^\W\d_](?:[ .\-*_]|\s{2,})){2,}[^\W\d_](?!\w)")
_WORD_GAP = re.compile(r"\s{2,}|[ .\-*_]\s+|\s+[.\-*_]")


def _despaced(text: str) -> tuple[str, list[int]] | None:
    """``text`` with spaced-out letters joined, and each character's original offset.

    One space (or dot, dash) joins letters into a word; two or more spaces end the word, so
    "h i t s  m e" reads "hits me". None when there is no spaced-out run.
    """
    if _SPACED_LETTERS.search(text) is None:
        return None
    pieces: list[str] = []
    origins: list[int] = []
    done = 0
    for run in _SPACED_LETTERS.finditer(text):
        pieces.append(text[done:run.start()])
        origins.extend(range(done, run.start()))
        position = run.start()
        segment = run[0]
        index = 0
        while index < len(segment):
            char = segment[index]
            if char.isalpha():
                pieces.append(char)
                origins.append(position + index)
                index += 1
                continue
            gap = _WORD_GAP.match(segment, index)
            if gap is not None:
                pieces.append(" ")
                origins.append(position + index)
                index = gap.end()
            else:
                index += 1
        done = run.end()
    pieces.append(text[done:])
    origins.extend(range(done, len(text)))
    return "".join(pieces), origins

# "He went missing the meeting", "she is missing school": missing a thing, not a child missing.
_NOT_MISSING_A_THING = (
    r"(?! (?:the|a|an|his|her|their|my|our|your|it|that|this|any|one|what|out|"
    r"school|lessons?|class|classes|contact|meetings?|appointments?|sessions?|"
    r"work|college|reviews?|visits?|calls?|friends|family|mum|dad|home ?work|him|them|you|"
    r"me|us|payments?|deadlines?)(?![a-z]))"
)

# Building blocks, written in plain spelling; squeezing happens at compile time.
_FILL = r"(?: [a-z]+){0,3}"  # up to three words in between: "he always just hits me"
_FILL_LONG = r"(?: [a-z]+){0,6}"
_ME = r"(?:me|mi|my ?self|us)"
_VICTIM = (
    r"(?:me|mi|us|her|him|them|"
    r"(?:my|our|his|her|their) (?:little |big |baby |younger |older |twin |half |step ?)?"
    r"(?:brothers?|sisters?|bro|sis|siblings?|mum|mam|mom|dad|nan|cousin|friend|mate|"
    r"girlfriend|boyfriend|wife|partner|baby|kids|child|children|son|daughter|face|head|arms?|"
    r"legs?|back|neck|stomach|belly|eye|nose|mouth|lip|ear|hands?)|the (?:baby|kids))"
)
_ADULT = (
    r"(?:dad|da|daddy|father|mum|mam|mom|mummy|mother|step ?dad|step ?mum|stepdad|stepmum|"
    r"boyfriend|girlfriend|partner|uncle|aunt|auntie|nan|nanna|grandad|grandma|brother|sister|"
    r"cousin|carer|foster carer|foster mum|foster dad|foster parents?|parents|staff|key ?worker|"
    r"teacher|coach|he|she|they|hes|shes|theyre)"
)
_WANT = r"(?:want|wanna|wana|wanted|wantd|wnt|wants|gonna|gona|gna|going|goin|finna|ready|need)"
_TO = r"(?: to| 2| ta| too)?"
_HIT_VERB = (
    r"(?:hit|hits|hitting|hiting|hitted|beat|beats|beating|beaten|punch|punches|punched|"
    r"punching|kick|kicks|kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|"
    r"smacking|whack|whacks|whacked|batter|batters|battered|strangle|strangles|strangled|"
    r"strangling|choke|chokes|choked|choking|throttle|throttled|shove|shoves|shoved|"
    r"push|pushes|pushed|pushing|headbutt|headbutted|burn|burns|burnt|burned|"
    r"thump|thumps|thumped|belt|belts|belted|hurt|hurts|hurting|hurted|harm|harms|harmed|"
    r"bites|bit|"
    r"attack|attacks|attacked|grab|grabs|grabbed|drag|drags|dragged|throw|throws|threw|"
    r"knock|knocks|knocked|abuse|abuses|abused|abusing|batterd|bash|bashes|bashed|lamp|lamped)"
)
_TOUCH = r"(?:touch|touches|touchs|tuch|tuches|touched|touching|touchin|tuching|tuched)"
_BODY = (
    r"(?:privates?|private parts|private bits|bits|bum|butt|arse|ass|chest|boobs|breasts|"
    r"willy|penis|vagina|fanny|down there|body|thighs?|legs?|under my clothes|crotch)"
)

_KIND_PATTERNS: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        # "kill me" alone, not a threat from someone else ("he'll kill me", "dad will kill me").
        r"kms|(?<!hel )(?<!shel )(?<!theyl )(?<!wil )(?<!hed )(?<!shed )(?<!theyd )(?<!would )"
        r"(?<!gona )(?<!gna )(?<!going to )(?<!wants to )(?<!wanted to )(?<!trying to )"
        r"(?<!tried to )(?<!threatened to )(?<!to )kill me",
        r"kill(?:ing|ed|in)? ?(?:my ?self|myslef|mysefl|meself|me self)",
        r"(?:end|ending) (?:it all|my (?:own )?life|things)|(?:take|taking) my (?:own )?life",
        _WANT + _TO + r"(?: just)? (?:die|dye|be dead|not be here|not exist|disappear forever"
        r"|sleep forever|not wake up|end it)",
        r"(?:wish|wished) (?:i|id)(?: was| were| had)? (?:dead|never been born|never born|not alive"
        r"|wasnt (?:alive|born|here))",
        r"(?:rather|better off) (?:be )?dead|better off without me|should just die",
        # "live here / with them" is about a placement, not about staying alive.
        r"(?:dont|do not|dnt|dont even) (?:want|wanna)(?: to| 2)? (?:live(?! (?:here|there|with|"
        r"at) )|be alive|be here(?! with)"
        r"(?: any ?more)?|exist|wake up)",
        r"un ?alive|unaliving|sewer ?slide|suicid\w*|sucid\w*|suicd\w*|suiside\w*|sucide\w*|"
        r"suiced\w*",
        r"self ?harm\w*|self ?injur\w*|selfharm\w*|self ?hate and cut",
        r"(?:cut|cuts|cutting|cuting|cutin|hurt|hurts|hurting|harm|harming|burn|burning|burnt|"
        r"burned|starve|starving|punish|punishing|scratch|scratches|scratched|scratching|carve|"
        r"carves|carved|carving|slice|slices|sliced|slicing|stab|stabbing|stabbed|bite|biting|"
        r"pinch|pinching)(?: (?:into|in to|at|up|open|all over))? ?(?:my ?self|meself|me self|"
        r"my (?:own )?(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|belly|hips?|body|"
        r"hands?|ankles?))",
        # Hitting oneself, and the things used to cut or burn ("with a compass", "a sharpener").
        r"(?:hit|hits|hitting|punch|punches|punching|punched|slap|slapping|bang|banging|"
        r"bash|bashing|starve|starving|choke|choking) ?(?:my ?self|meself)|"
        r"(?:bang|bangs|banging|banged|hit|hitting|smash|smashing) my head (?:on|against|off) "
        r"(?:the |a )?(?:wall|walls|floor|door)|(?:arms?|wrists?|legs?|thighs?|skin|stomach|"
        r"hips?) with (?:a |the |my )?(?:compass|sharpener|blade|razor|knife|scissors|glass|"
        r"lighter|pin|needle|pen knife|stanley knife)|(?:compass|sharpener|blade|razor|"
        r"lighter|scissors|glass|needle|pin) (?:on|to|into|in to|across) my (?:arms?|wrists?|"
        r"legs?|thighs?|skin|stomach|hips?)|(?:into|in to) my (?:own )?skin|"
        r"(?:carve|carves|carved|carving|cut|cuts|cutting|etch|etched|etching|scratch|scratched|"
        r"scratching|burn|burnt|burned|burning)(?: [a-z]+){0,3} (?:into|in to|in|on) my (?:own )?"
        r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|tummy|hips?|chest)|"
        r"(?:thought|thoughts|think|thinks|thinking|keep thinking) (?:about|of|bout|abt) "
        r"(?:jumping|jump|ending it|ending my|killing my|hanging my|overdosing|cutting|"
        r"hurting my|dying|not being here|taking my (?:own )?life|taking (?:all )?my tablets)|"
        r"(?:take|took|taking) (?:the )?blade out of (?:a |my )?sharpener",
        r"(?:cut|cutting|cuting) again|(?:i|me|been|started|start|keep|keeps|still|stop|stopped|"
        r"about|im) (?:cut|cutting|cuting|cutin)(?! (?:off|down|out|back|in|up|the|my "
        r"hair|hair|class|school|lessons|contact|me off|us off))",
        r"over ?dose\w*|overdos\w*|od on|took (?:all |some |loads of )?(?:my |the |a load of |"
        r"too many )?(?:pills|tablets|meds|paracetamol)",
        r"kill(?:ing|ed|in)? (?:him|her|them) ?sel(?:f|ves)|(?:cut|cuts|cutting|hurt|hurts|"
        r"hurting|harm|harming|burn|burning) (?:him|her|them) ?sel(?:f|ves)|(?:he|she|they) "
        r"(?:wants?|wanted|wanna|said (?:he|she|they) wants?) (?:to )?die|"
        r"(?:take|took|taking|tried to take) (?:his|her|their) (?:own )?life",
        r"(?:take|swallow) all (?:my|the|of my|of the) (?:pills|tablets|meds|paracetamol)",
        r"jump (?:off|in front of)|hang(?:ing)? ?(?:my ?self)|(?:jump|jumps|jumping|jumped|"
        r"throw my ?self|throwing my ?self|step|stepping|walk|walking|fall|falling|lie|lying)"
        r" (?:off|from|in front of|under|of) (?:a |the |that |this |some |my |our )?(?:bridge|"
        r"roof|building|cliff|balcony|window|multi ?storey|car park|tower|block|flats|train|"
        r"trains|lorry|bus|car|motorway|top floor|top of)|no point (?:in )?(?:living|being "
        r"(?:alive|here)|going on|me being here)|cant go on(?: like this| any ?more)|"
        r"cant do this any ?more|no reason to live|ctb|dont want to wake up|"
        r"want it all to end|not be here any ?more|not worth living|end my self|"
        r"cant take (?:it|this|any ?more)(?: any ?more)?|want (?:it|everything|the pain|this) "
        r"to stop|disappear forever|if i (?:died|was dead|was gone|killed my ?self|wasnt here|"
        r"wasnt alive)|sh again|been sh|shing|sui ?cid\w*",
        r"(?:end|ending) (?:it|everything|this|my suffering)|never wake up|(?:so |just )?done "
        r"with (?:everything|life|it all|living|being alive)|(?:tired|sick) of (?:living|life|"
        r"being alive)|(?:dont|do not|cant|dnt) see (?:the|any|a) point(?: (?:in|of|to))?"
        r"(?: (?:any ?more|anything|living|life|going on|carrying on|trying|being here|being "
        r"alive|me|it all|it any ?more|waking up|existing)|$)|whats (?:even )?the point (?:of|"
        r"in) (?:me|living|life|anything|going on|carrying on|being here|being alive|"
        r"existing|waking up|trying any ?more)|(?:theres|there is|no) (?:just )?(?:no )?point "
        r"(?:in |to |of )?(?:anything|me|living|life|any ?more|existing)|"
        r"(?:better|happier|easier) (?:off )?(?:if|when) i (?:wasnt|was not|werent|wasn|"
        r"was never|wasnt ever|am not|m not|was|were) (?:around|here|alive|about|born|in it|"
        r"gone|dead|there|in the picture|in this world)|(?:better|happier|easier) (?:off )?"
        r"without me|(?:if|when) i (?:wasnt|was not|werent) (?:around|about|alive|here|born)|"
        r"(?:if|when) i (?:disappeared|vanished|was gone|never woke up|never came back)|"
        r"(?:go to |went to |just )?sleep and (?:never|not) wake up|"
        r"(?:im|i am|feel like (?:im |i am )?|being|just) (?:just |such |a )?(?:a )?burden|"
        r"(?:goodbye|good bye|bye|suicide) (?:letters?|notes?|messages?|texts?)|"
        r"(?:letters?|notes?|messages?) (?:saying|to say) (?:goodbye|good bye|bye|sorry)|"
        r"say(?:ing)? goodbye to (?:everyone|everybody|all of you|every one|my family)|"
        r"(?:giving|gave|give) (?:all )?my (?:stuff|things) away|"
        r"(?:swallow|swallowed|swallowing|take|took|taking|neck|necked|necking|down|downed|"
        r"downing|had|have) (?:all|every ?thing|every pill|loads|a load|lots|the whole|a whole|"
        r"handfuls?|too many|a bunch|a packet|a box|a bottle|the lot|a handful)(?: of)?"
        r"(?: [a-z]+){0,3} (?:pills|tablets|meds|medicine|paracetamol|painkillers|"
        r"cupboard|cabinet|box|packet|bottle|lot)|swallow\w*(?: [a-z]+){0,4} (?:pills|"
        r"tablets|meds|paracetamol|painkillers|medicine|bleach)|(?:want|wanna|wish|hope) (?:i|"
        r"to)? ?(?:could )?(?:just )?die|"
        r"(?:i|im|i am) (?:going|gonna) to (?:do something stupid|hurt my ?self)",
        r"scars?|(?:what|things) i do to my ?self|(?:cant|can not|cannot|not) cop(?:e|ing)|"
        r"struggling to cope|(?:want|wish) (?:it|this|everything|it all) (?:to be|was|were) over|"
        r"better off gone|(?:happier|better) (?:if|when) i (?:was|were|am|m) (?:gone|dead|"
        r"not here)|bad thoughts|dark thoughts|intrusive thoughts",
        r"razors?|(?:took|take|taking|used|use|using) (?:a |the )?(?:razor|blade|knife|"
        r"sharpener|glass) (?:to|on) my",
        # Welsh
        r"lladd fy hun|llond bol",
        r"(?:eisio|isho|ishio|isie|ishe) marw|isio marw",
        r"(?:eisiau|isio|isie|eisie|ishe|moyn|mo[iy]n|am) marw|lladd fy (?:hun|hunan)|"
        r"(?:brifo|frifo|niweidio|anafu|torri) (?:fy|ei|eu) (?:hun|hunan)|hunan ?niweidio|"
        r"hunanladdiad|lladd (?:ei|eu) hun(?:an)?|dim pwynt (?:byw|bod yma|mynd ymlaen)|"
        r"gwell (?:fyd |byd |pawb |pawb arall )?(?:hebdda i|heb fi|hebddo fi)",
    ),
    "physical_abuse": (
        r"(?<!it )(?<!that )(?<!this )" + _HIT_VERB + r" (?:me|mi|us)(?! off)",
        r"(?:" + _ADULT + r"|who|and|just|always|keeps|still)" + _FILL + r" " + _HIT_VERB
        + r" " + _VICTIM,
        r"beat (?:me|us|her|him) up|beaten up|battered me|got (?:beat|battered|hit|punched|"
        r"slapped|smacked)|gets (?:beat|battered|hit)|get (?:hit|beaten|smacked)",
        r"(?:bruise|bruises|bruised|bruising|black eye|split lip|fat lip|bust lip|busted lip|"
        r"bust nose|bloody nose|broken (?:nose|ribs?|jaw|arm|wrist|fingers?)|marks on (?:my|her|"
        r"his)|"
        r"cuts on (?:my|her|his)|burns on (?:my|her|his)|bust (?:my|her|his) lip|"
        r"(?:hit|hits|beat|beats) (?:me |us )?with (?:a|the|his|her) \w+|throws things at)",
        r"physical(?:l?y)? abus\w*|physical abuse|violent (?:to|towards) (?:me|us)|"
        r"pulled my hair|pulls my hair|by my (?:neck|throat|hair)|hands round my (?:neck|throat)",
        r"(?:held|holds|hold|holding|pinned|pins|pin|pinning) (?:me|us|him|her) (?:down|to the|"
        r"on the|against|up against)|restrain\w*|(?:sat|sit|sits|sitting|knelt|kneel|kneels|"
        r"kneeling|lay|lays|laid|lying|jumped|stood|stands|standing) on (?:me|us|(?:him|"
        r"her)(?! (?:phone|phones|"
        r"laptop|computer|tablet|ipad|bed|sofa|couch|chair|seat|bum|backside|arse|lap|knee|own|"
        r"desk|hands|bike|car|break|lunch))|my (?:back|"
        r"chest|legs?|arms?|neck|head|stomach))|(?:put|puts|putting|had) (?:me|us|him|her) in "
        r"(?:a )?(?:hold|headlock|head lock|restraint|arm lock)|headlock|face ?down on the|"
        r"(?:twisted|twists|twisting|bent|bends|bending) (?:my|her|his) (?:arms?|wrists?|fingers?)"
        r"(?: behind| back)?|(?:goes|go|going|went|gone|comes|came|coming|come|flies|flew|"
        r"lashes|lashed|lashing|lunges|lunged|laid|lays) (?:for|into|out at|at|hands on) "
        r"(?:me|us|my (?:little |big )?(?:brother|sister|mum|mam|mom|dad|nan))|"
        r"(?:puts|put|putting|laid|lays|lay) (?:his|her|their) hands on (?:me|us|my|her|him)|"
        r"(?:off|from) (?:my |his |her )?(?:dad|mum|mam|step ?dad|step ?mum|carer|foster \w+|"
        r"boyfriend|uncle|brother)(?: [a-z]+){0,2} (?:hitting|punching|kicking|slapping|"
        r"hurting|beating)|"
        r"(?:couldnt|cant|could not|can not) breathe|(?:blood|bleeding)(?! (?:test|tests|"
        r"pressure|sugar|donor|type))",
        r"(?:gave|gives|give|giving|got|get|gets) (?:me|us|him|her|my \w+) (?:a |another )?"
        r"(?:slap|smack|beating|hiding|kicking|punch|black eye|clip round the ear|whack|battering)|"
        r"abus\w*|assault\w*|violen\w*|bruis\w*|slap\w*|punch(?:es|ed|ing)?|beaten|beatings?|"
        r"strangl\w*|chok(?:e|es|ed|ing)(?! up)|(?:hit|hits|beat|beats|hurt|hurts) (?:me|us|"
        r"him|her) with",
        # Welsh
        r"(?:llystad|llysfam|tad|dad|mam) (?:yn|wedi) (?:fy )?(?:nharo|nghuro|mrifo|nghicio)",
        r"(?:fy|ei|yn|wedi) (?:nghuro|curo|guro|churo|nghicio|cicio|gicio|slapio)",
        r"(?:fy|ei|yn|wedi|eu) (?:nharo|taro|daro|tharo)|yn fy mwrw|fy mwrw|"
        r"(?:fy|yn|wedi) (?:mrifo|mrifo i|mrifon)|brifo fi|(?:fy|yn fy) (?:ngham|cam) ?drin|"
        r"(?:ngham|cham|gam|cam) ?drin",
    ),
    "sexual_abuse": (
        _TOUCH + r" (?:me|mi|her|him|us)|(?:feels?|felt|feeling) (?:me|her|him|us) up",
        r"(?:keeps|always|tries to|tried to|trying to|wants to|made me|makes me) " + _TOUCH,
        _TOUCH + r" (?:my|her|his|me on my|me on the) " + _BODY,
        r"raped?|raping|rapes|rapist|molest\w*|sexual(?:l?y)? (?:abus\w*|assault\w*|exploit\w*)|"
        r"sexual abuse|cse\b|groom(?:ed|ing|s)?\b|paedo\w*|pedo\w*|nonce",
        r"nudes|naked (?:pics|pictures|photos|pic)|(?:send|sent|sends|asks? for|asked for|"
        r"wants?|wanted) (?:me )?(?:to send )?(?:him |her |them )?(?:pics|pictures|photos|"
        r"snaps|videos) of (?:me|us|my ?self|my body)|pics of my body",
        r"(?:have|had|has|having|do|doing|did) (?:sex|sexual \w+) (?:with|to) "
        r"(?:me|her|him|them|us)|(?:made|make|makes|making) (?:me|her) (?:have sex|do sexual"
        r"|give|suck)|sex with (?:me|him|her|them|older|men)|(?:made|make|makes|making) "
        r"(?:me|her|us) do (?:stuff|things)(?: [a-z]+){0,3} (?:dont|didnt|do not) (?:want|like)",
        r"(?:shows?|showed|shown|made me watch|makes me watch) (?:me )?(?:porn|his (?:willy|"
        r"penis|privates|thing))|flash(?:es|ed|ing) (?:me|at me|his)|"
        r"(?:comes?|came|gets?|got|creeps?) (?:into|in) (?:my|our) (?:bed|room at night|"
        r"room when)|in my bed (?:at night|with me)|inappropriate(?:ly)? touch\w*|"
        r"touch\w* inappropriate\w*|wont leave me alone at night",
        r"(?:ask|asks|asking|asked|keeps asking) (?:me )?for (?:pics|pictures|photos|nudes|"
        r"videos|snaps)|(?:says?|said|saying|tells me|told me|calls me|called me) (?:im|i am|i "
        r"look|i was) (?:sexy|hot|fit|beautiful)|(?:met|meet|talking to|talk to|chatting to) "
        r"(?:a|an|some|this)? ?(?:man|guy|bloke|person|older \w+|someone) online|(?:man|guy|bloke"
        r"|person|someone) (?:i met |from )?online|(?:tried|tries|trying) to kiss me|kissed me|"
        r"(?:force|forces|forced|forcing) me (?:to|into) (?:have sex|do|sex|touch|kiss|give)|"
        r"(?:made|makes|make|making) me touch (?:him|her|them|his|it)|"
        r"older (?:men|man|guys|guy|lads|boys) (?:give|gave|buy|bought|pick|picked|take|took|"
        r"drive|drove)|(?:for|in exchange for) (?:sex|sexual)|party houses?",
        r"(?:rude|dirty|naked|nude|sexual|explicit|inappropriate) (?:pics|pictures|photos|"
        r"videos|messages|snaps|texts|images|vids)|dick pics?|(?:sends?|sent|showing|shows?) "
        r"me (?:rude|dirty|naked|explicit|porn)|(?:our|a) (?:little )?secret|keep (?:it|this) "
        r"(?:a )?secret",
        r"(?:wants?|wanted|asks?|asked|trying|tries|tried) (?:me )?to (?:sleep with|have sex|"
        r"sext|kiss|touch|do stuff with) (?:me|him|her|them)?|(?:comes?|came|walks?|walked|barges?)"
        r" (?:in|into) (?:the|my) (?:bathroom|shower|room when im (?:changing|getting changed|in "
        r"bed))|when im (?:in the shower|in the bath|getting changed|changing)|watch(?:es|ed)? me "
        r"(?:shower|change|get changed|in the bath)|(?:man|men|guy|guys|bloke|older \w+|adults?)"
        r"(?: [a-z]+){0,2} (?:gives?|gave|buys?|bought) (?:me|us) (?:vapes?|alcohol|drink|weed|"
        r"cigs|cigarettes|fags|money|presents|gifts|drugs)|(?:\d\d|older) year old (?:man|guy|"
        r"bloke)|porn\w*|naked|nudes?|molest\w*|grope\w*|groping",
        r"(?:coming|creeping|getting|climbing|comes|creeps|gets|came|got) (?:into|in) (?:my|our) "
        r"(?:bed|room at night)|(?:makes?|made|making|wants?|wanted|tells?|told) (?:me|her|us) "
        r"(?:to )?(?:sleep|get|lie|lay) in (?:his|her|their) bed|(?:keep|keeping|kept) (?:secrets|"
        r"a secret)|(?:get|got|getting) in(?:to)? (?:a|the|their|his) (?:car|van) with (?:some |"
        r"these |older |a )?(?:men|man|guys|strangers|people i dont know|older)",
        # Under-16 pregnancy and an adult with a child: safeguarding whatever else is said.
        r"(?:pregnant|preg|pregnent|pregant|preggers|preggo|pregnancy|up the duff|having a baby|"
        r"expecting a baby|got a baby|having his baby)(?: [a-z0-9]+){0,6} (?:(?:1[0-5]|ten|"
        r"eleven|twelve|thirteen|fourteen|fifteen)(?! ?(?:weeks?|wks?|months?|days?|w|m|years? "
        r"ago))|year (?:7|8|9|10|11|seven|eight|nine|ten|eleven))|"
        r"(?:im|i am|i m|aged?|shes|she is|hes|he is|only|just|turned|and|is) (?:1[0-5]|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen)(?: ?(?:yo|yrs?|years?(?: old)?))?(?! ?(?:weeks?|wks?|"
        r"months?|days?|w|m))(?: [a-z0-9]+){0,6} (?:pregnant|preg|pregnent|pregant|preggers|"
        r"preggo|up the duff|having a baby|expecting)",
        r"(?:boyfriend|bf|fella|man|guy|bloke|lad|he|hes|she|shes|girlfriend|gf|someone|person"
        r"|boy)(?: (?:is|who is|whos|thats|that is|aged|s))? (?:1[89]|[2-9]\d)(?: ?(?:yo|yrs?|"
        r"years?(?: old)?))?(?: [a-z0-9]+){0,6} (?:im|i am|i m|me|shes|she is|hes|he is|and "
        r"me) (?:only |just )?(?:1[0-5]|ten|eleven|twelve|thirteen|fourteen|fifteen)(?! ?(?:weeks?|"
        r"months?|days?))|(?:im|i am|i m|shes|she is) (?:only |just )?(?:1[0-5]|twelve|thirteen|"
        r"fourteen|fifteen)(?: [a-z0-9]+){0,6} (?:boyfriend|bf|fella|man|guy|bloke|he|hes|"
        r"girlfriend|gf)(?: (?:is|s))? (?:1[89]|[2-9]\d)(?! ?(?:weeks?|months?|days?|mins?|"
        r"minutes))|(?:man|guy|bloke|lad|fella|someone|person|boy)(?: [a-z]+)? (?:whos|who is|"
        r"thats|that is|aged|who s) (?:1[89]|[2-9]\d)(?! ?(?:weeks?|months?|days?|mins?))",
        r"(?:sit|sat|sitting|sits) on (?:his|her|their|the mans|a mans) (?:lap|knee)|"
        r"(?:come|comes|coming|came|creep|creeps|creeping|crept|sneak|sneaks|sneaking|snuck|"
        r"get|gets|getting|got|walk|walks|walking|walked|barge|barges|barging) (?:into|in|"
        r"inside) (?:my|our|her|his) (?:room|bed|bedroom)(?: [a-z]+){0,3} (?:at night|in the "
        r"night|every night|when (?:im|i am|were|we are|shes|hes) (?:asleep|sleeping|in bed|"
        r"changing|getting changed|naked)|while (?:im|i am|were|we are|shes|hes))",
        # Welsh
        r"(?:fy|yn fy) nghyffwrdd|beichiog(?: [a-z0-9]+){0,4} (?:1[0-5]|deg|un ar ddeg|deuddeg|"
        r"tri ar ddeg|pedwar ar ddeg|pymtheg)",
        r"cyffwrdd (?:a |ag |yn )?(?:fi|fy|a fi|ynddo i|ynof fi|ynddi)|cyffwrdd a fi|"
        r"treisio|trais rhywiol|cam ?drin rhywiol",
    ),
    "emotional_abuse": (
        r"(?:scared|scarred|scard|skared|frightened|terrified|afraid|petrified|frit|fritened)"
        r"(?: [a-z]+){0,2} (?:of|off) (?:him|her|them|my|me (?:dad|mum)|going (?:back )?home|"
        r"goin home|being at home|" + _ADULT + r")",
        r"(?:scared|frightened|terrified|afraid) (?:of )?what (?:hell|shell|theyll|he will|she "
        r"will|they will|he would|she would|they would|he might|she might|they might|hed|shed)|"
        r"if i (?:tell|told|say|said) (?:anyone|anybody|someone|you|my social worker|a teacher)|"
        r"(?:hell|shell|theyll|he will|she will|they will|hes gonna|shes gonna|theyre gonna) "
        r"(?:hurt|kill|beat|batter|get) (?:me|my|us)|"
        r"(?:scared|frightened|terrified|afraid)(?: [a-z]+){0,2} (?:to|2) (?:go|goin|going) "
        r"(?:back )?home|(?:scared|frightened|terrified) (?:all the time|at home|in my house|"
        r"in the house)|(?:scared|frightened|terrified) (?:he|she|they)(?:ll| will| is going|"
        r" are going)",
        r"threat\w*|threten\w*|thret\w*|(?:kill|hurt|batter|beat|murder|end) (?:me|us)(?: [a-z]+)?"
        r" if (?:i|we) (?:tell|told|say|said|snitch|grass)",
        r"(?:says|said|told me|tells me)(?: that)? (?:hell|shell|theyll|he will|she will|"
        r"they will|he is going to|she is going to|they are going to|hes gonna|shes gonna|"
        r"theyre gonna|he would|she would|they would|hed|shed|theyd)" + _FILL
        + r" (?:kill|hurt|beat|batter|stab|kick me out|throw me out|put me in care|"
        r"send me away|get rid of me|smash|do me in)",
        r"(?:calls?|called|calling) me (?:names|stupid|fat|ugly|thick|worthless|useless|"
        r"a waste|retard\w*|a slag|slag|a slut|slut|a whore|dumb|a bitch|bitch|a cunt)",
        r"(?:tells?|told|says?|said) (?:me )?(?:im|i am|i was|i'm)(?: just)? (?:worthless|"
        r"useless|stupid|a mistake|nothing|a waste|a burden|unwanted|disgusting|evil|the "
        r"devil)|wishes i was never born|wish(?:es|ed)? (?:i|id) (?:was|had) never been born",
        r"(?:screams?|screaming|screamed|yells?|yelling|yelled|swears?|swearing|swore) "
        r"(?:at|in) (?:me|us|my face)",
        r"(?:locks?|locked|locking|shuts?|shut) (?:me|us) (?:in|out)|locked in (?:my|the|a) "
        r"(?:room|bedroom|cupboard|shed|house)|emotional(?:l?y)? abus\w*|mental(?:l?y)? abus\w*|"
        r"humiliat\w*|wont let me (?:eat|leave the house|leave my room|see anyone)",
        r"(?:scared|frightened|terrified|afraid|petrified)(?: that| cos| because)? (?:hes|he|"
        r"shes|she|theyre|they|hell|shell|theyll|hed|shed|theyd)(?: is| are| will| would)? "
        r"(?:going to|gonna|coming|come|will|might|get|find|hurt|do|kill|be)|"
        r"(?:said|told me|tells me|says) not to tell|(?:not|dont) (?:to )?tell (?:anyone|anybody|"
        r"my mum|my dad|my social worker|my parents)",
        r"(?:scared|frightened|terrified|petrified|afraid|scard|skared)(?! of (?:spiders|dogs|the "
        r"dark|heights|exams|needles|the dentist|clowns))",
        # Welsh
        r"ofn (?:e|fe|hi|nhw|arna i|arnaf|mynd adre\w*|mynd nol|fy|ei)|mae ofn|dw i ofn|dwi ofn|"
        r"(?:b|m|f)ygwth\w*|gweiddi arna i|arna i ofn|arnaf ofn",
    ),
    "neglect": (
        r"(?:dont|do not|dnt|not|never|cant|dont really) (?:feel )?(?:very |really |that |so )?"
        r"(?:safe|saf|sfe)|unsafe|"
        r"not safe|feel(?:s|ing)? unsafe",
        r"no food|not (?:been |being |getting )?fed|dont (?:get|have|got) (?:any |enough )?"
        r"(?:food|dinner|tea|breakfast|meals?)|nothing to eat|no ?thing to eat|"
        r"(?:havent|hasnt|have not|not) (?:eaten|ate|had (?:anything|food|a meal))|"
        r"(?:never|not|isnt|aint|hardly|hardly ever) (?:any|enough) food|"
        r"hungry (?:all the time|every day|at night|again)|always hungry|starving (?:all|every|"
        r"at)|go to bed hungry|no dinner|food (?:is )?locked|locks? the (?:fridge|food|kitchen)",
        r"(?:left|leaves|leave|leaving) (?:me|us|my (?:brother|sister|little \w+)|the kids)"
        r"(?: [a-z]+){0,2} (?:alone|on (?:my|our) own|by (?:my|our) ?sel\w*|home alone)|"
        r"home alone|on (?:my|our) own all (?:night|weekend|day)|(?:left|leaves|leave|leaving|"
        r"goes off and leaves|disappears and leaves) (?:me|us|my (?:brother|sister|little \w+)|"
        r"the kids) (?:for|all) (?:days|the weekend|weekends|nights?|hours|ages|a week)|(?:left|"
        r"leave|leaves) (?:me )?to "
        r"look after|look after my (?:baby|little) (?:brother|sister|brothers|sisters)(?: [a-z]+)"
        r"{0,3} (?:all night|on my own|by my ?self)|(?:starves?|starving|starved) (?:me|us)|"
        r"nobody (?:looks after|feeds|"
        r"cares for) (?:me|us)|no one (?:looks after|feeds|cares for) (?:me|us)",
        r"(?:drunk|pissed|wasted|off (?:his|her|their) (?:face|head)|high|smashed|mashed)"
        r"(?! off)(?: [a-z]+){0,2} (?:all the time|every (?:day|night)|again|always)|"
        r"(?:always|keeps getting|gets|got) (?:drunk|pissed|wasted|high|stoned|off (?:his|her|"
        r"their) face)(?! off)|(?:is|are|was|were) (?:drunk|wasted|stoned|off (?:his|her|their) "
        r"face)|(?:takes|taking|on|does|doing|"
        r"smokes|smoking) (?:drugs|crack|heroin|coke|spice)|drinks? all the time|alcoholic|"
        r"(?:drinks|drinking|drank) (?:a lot|loads|too much|every (?:day|night)|all day|all "
        r"night|heavily|so much)|(?:drinks|drinking|drunk|pissed|hammered|steaming|wasted)"
        r"(?: [a-z]+){0,3} (?:and|then|n) (?:then )?(?:goes|gets|kicks off|starts|hits|lashes|"
        r"comes|shouts|screams)",
        r"(?:no|dont have|havent got) (?:clean )?(?:clothes|bed|heating|electric\w*|gas|water|"
        r"hot water|nappies|milk)(?! allowance)|sleep(?:ing)? on the floor|dirty clothes|"
        r"bed ?bugs|no one takes me to the (?:doctor|dentist|hospital)|neglect\w*",
        r"(?:doesnt|dont|never|wont|not|dont ever|never ever|hardly) (?:feed|feeds|feeding) "
        r"(?:me|us)|(?:doesnt|dont|never|wont|hardly) (?:give|giving|gives) (?:me|us) (?:any )?"
        r"(?:food|dinner|tea|breakfast|anything to eat)|always (?:starving|hungry)|"
        r"(?:im|i am|were|we are|we re) (?:always |so )?starving|(?:mum|mam|dad|parents|she|he|"
        r"they)(?: [a-z]+){0,1} (?:hasnt|havent|has not|have not|didnt|did not|not) (?:been|come|"
        r"came) (?:home|back)",
        r"(?:not|never) allowed (?:food|to eat|dinner|tea|breakfast|meals)|no money for (?:food|"
        r"meals|the meter|electric|gas)|run out of (?:food|meds|medication|insulin|money for food)|"
        r"passed out|needles|(?:living|sleeping|sleep|live|been living) in (?:a|the|our|my|his|her)"
        r" (?:car|van|tent)|drugs|cocaine|heroin|crack|overdos\w*",
        r"(?:havent|hasnt|not|no|never|without) (?:had |got |have )?(?:a )?"
        r"(?:proper |decent |hot )?(?:meal|meals|food|dinner|tea)(?: [a-z]+){0,2} (?:in|for) "
        r"(?:days|ages|a week|weeks)|"
        r"(?:days|weeks) without (?:food|eating|a meal)|go without (?:food|eating|meals)",
        # Welsh
        r"ddim yn (?:teimlo ?n |teimlon |teimlo yn )?(?:ddiogel|diogel|saff)|"
        r"(?:dim|heb) (?:bwyd|fwyd)|llwgu|newynu|ar (?:ben )?(?:fy|ein) hun(?:an)? drwy",
    ),
    "domestic_abuse": (
        r"(?:" + _ADULT + r")" + _FILL + r" " + _HIT_VERB + r" (?:my |me |his |her |their )?"
        r"(?:mum|mam|mom|mother|mummy|dad|father|nan|step ?mum|step ?dad|partner|wife|girlfriend)",
        r"domestic (?:violence|abuse)|\bdv\b|(?:mum|mam|mom|mother)s? (?:boyfriend|partner) "
        r"(?:is|gets) (?:violent|aggressive)|(?:fight|fights|fighting|argue|argues|arguing|"
        r"rows?)(?: [a-z]+){0,3} (?:and|till|until) (?:the police|police|someone gets hurt|"
        r"things get smashed|hits?)|(?:parents|mum and dad|mam and dad|they) (?:fight|fighting|"
        r"fights)(?: [a-z]+){0,2} (?:all the time|every night|every day|again|physically)|"
        r"(?:smash|smashes|smashed|smashing|break|breaks|broke|throwing|throws|threw) "
        r"(?:things|stuff|the house|up the house|plates|doors|the tv)|police (?:came|come|were "
        r"called|keep coming) (?:to|round|out)",
        r"(?:punch|punches|punched|punching|kick|kicks|kicked|smash|smashes|smashed|hit|hits) "
        r"(?:the|a) (?:wall|walls|door|doors|window)|(?:fist|hole) (?:through|in) the (?:wall|"
        r"door)|(?:next to|near|at) (?:her|his|my mums|mums|my mams|mams|my) (?:head|face)|"
        r"(?:scream|screaming|screams|shouting|shout) at each other",
        r"(?:makes?|made|making) (?:me|us) watch (?:him|her|them) (?:hurt|hit|beat|hitting|hurting|"
        r"beating)",
        # Welsh
        r"(?:taro|daro|brifo|frifo|cam ?drin) (?:mam|mami|dad|fy mam)|trais yn y cartref",
    ),
    "missing": (
        r"(?:run|runs|running|runing|ran|gonna run|going to run|planning to run) ?(?:away|off|"
        r"awy)|runaway|reported (?:me |him |her )?missing|(?:i|im|ive|he|hes|she|shes|they|"
        r"theyve|we|keeps?|kids?|child|son|daughter|brother|sister)(?: [a-z]+){0,2} (?:went|"
        r"gone|go|going|goes|been) missing" + _NOT_MISSING_A_THING,
        r"(?:no ?where|no place|nowhere|no where|nwhere|no wer|no were|not got anywhere) "
        r"(?:to|2) (?:sleep|stay|go|live|kip|crash|be)|dont (?:have|know) (?:anywhere|where)"
        r"(?: [a-z]+){0,3} (?:sleep\w*|stay\w*|kip\w*)|"
        r"(?:need|needs|want) (?:somewhere|a place|a bed) (?:to (?:sleep|stay)|for tonight)|"
        r"(?:sleep|sleeping|slept|kip|kipping) (?:rough|"
        r"outside|on the streets?|in (?:a|the|my|his|her|our) (?:park|car|van|stairwell|"
        r"bus shelter|tent|garage|shed)|on "
        r"(?:a|the) bench|on (?:my )?(?:mates|friends)? ?(?:sofa|couch|floor))",
        r"sofa surf\w*|(?:kicked|chucked|thrown|threw|kick|chuck|throw|kicks|chucks) (?:me|us)"
        r" out|(?:kicked|chucked|thrown|slung) out|(?:staying|sleeping|kipping) (?:at|in|on) "
        r"(?:random|strangers|different)|homeless|(?:live|living|lived|sleep|sleeping|end up|"
        r"ended up|be|been|im) on the streets?|cant go (?:back )?home|not going (?:back )?home|"
        r"wont go (?:back )?home|never going (?:back )?home|(?:out|outside) all night",
        r"(?:slept|sleeping|sleep|stayed|staying|stay|spent the night|kip|kipped|kipping) "
        r"(?:at|in|on|under) (?:the|a) (?:train station|station|bus station|bus stop|park|street|"
        r"stairwell|car park|doorway|tent|bench|bridge|underpass|shop doorway|stairs|woods)|"
        r"(?:havent|dont have|do not have|not|got no|aint got|have no|no|dont know) (?:got )?"
        r"(?:anywhere|nowhere|a place|somewhere|a bed|where) (?:to|2) (?:stay|sleep|go|live|kip)",
        r"(?:somewhere|a place|anywhere|place) safe (?:to (?:stay|sleep|go)|tonight)|"
        r"(?:havent|dont|do not|not|aint|got no|have no|no) (?:got |have |had )?(?:a )?"
        r"(?:bed|roof over my head|home|place of my own)(?: [a-z]+){0,2} (?:at the moment|right "
        r"now|atm|any ?more|tonight|to go to)|(?:at|on|in) (?:a )?(?:different|diff|diferent|"
        r"random|new) (?:mates|friends|persons|peoples|place|house|sofa)(?: [a-z]+){0,2} every "
        r"(?:night|week)|"
        r"(?:need|needs|want) (?:somewhere|a place) safe",
        # Welsh
        r"(?:unman|nunlle|nunman|unlle) (?:i|y|lle) (?:gysgu|gysgu heno|aros|fyw|fynd|mynd)|"
        r"(?:does|dim|heb|sgen|sgin|sgenna|sgena|dwi heb)(?: [a-z]+){0,3} (?:le|lle|unman|"
        r"nunlle|gwely|cartref|gartref) (?:i|y) (?:gysgu|aros|fyw|fynd)|"
        r"rhedeg (?:i )?(?:ffwrdd|bant)|wedi rhedeg|ar goll|(?:dim|heb) (?:lle|unman|le) "
        r"(?:i|y) (?:gysgu|gysgu heno|aros|fynd)|digartref|cysgu (?:allan|ar y stryd)",
    ),
    "exploitation": (
        r"county ?lines?|going country|trap ?house|cuckoo\w*|shott\w*|bando",
        r"(?:make|makes|made|making|getting|get|got|force|forces|forced|tell|tells|told)"
        r" (?:me|us|him|her|them) (?:to )?(?:hold|carry|sell|deliver|move|drop|take|keep|hide|"
        r"run|stash|bring)(?: [a-z]+){0,2} (?:stuff|things|drugs|packages|parcels|bags|"
        r"food|weed|it|them|money|for them|for him|for her|phones?)",
        r"(?:hold|holding|carry|carrying|stash|stashing|hide|hiding|keep|keeping)(?: [a-z]+)"
        r"{0,2} (?:stuff|drugs|packages|parcels|bags|things) for (?:them|him|her|some)",
        r"(?:sell|selling|sold|deal|dealing|delivering|running|run) (?:drugs|weed|food|stuff for"
        r"|packages|bags|lines|for (?:them|him|some older))",
        r"(?:owe|owes|owed|owing) (?:them|him|some (?:people|boys|lads|guys|men|man|older \w+))"
        r"|in debt to (?:them|him|some)|(?:work|working|worked|graft\w*) for (?:them|some older|"
        r"older)|older (?:boys|lads|men|guys|kids) (?:make|made|give|gave|got|get|want)|"
        r"exploit\w*|drugs in my|(?:deliver|delivering|drop off|dropping off|run|running|hold|"
        r"holding|carry|carrying|take|taking) (?:stuff|things|packages|parcels|bags|drugs) for "
        r"(?:some|them|him|her|older|these|people)|(?:burner|work|graft) phone|gave me a phone|"
        r"(?:told|tell|tells) me to answer it",
        r"(?:being |been |was |get |got |im )?made to (?:hold|carry|sell|stash|hide|deliver|"
        r"move|keep|run|take|drop)|(?:made|make|makes|making|forced|told|tell) (?:me|us) (?:to )?"
        r"(?:hide|hold|carry|keep|stash) (?:a |the |his |their |some )?(?:knife|gun|weapon|"
        r"blade|drugs|package|bag|phone|money)|gangs?|gang members?",
        r"(?:sent|sending|send|sends) (?:me |us )?(?:to|out to) (?:different|other|another) "
        r"(?:towns?|places|cities|city|areas?)|people i owe|(?:pay|paid|pays|paying) (?:me|us) in "
        r"(?:weed|drugs|food)|(?:deliver|delivering|carry|carrying|drop|dropping) (?:parcels|"
        r"packages|bags)",
        r"(?:wants?|makes?|made|asks?|asked|tells?|told) (?:me|us) (?:to )?do (?:stuff|things|"
        r"favours|jobs|runs) for (?:him|her|them)|pick (?:stuff|things|something|bags|packages|"
        r"it) up (?:and|for|from)|(?:comes?|came|coming|gets?|got) (?:back|home) with (?:new |"
        r"loads of |expensive |"
        r"designer )?(?:trainers|clothes|phones?|money|cash|drugs|weed|stuff)|(?:goes|go|going"
        r"|went|gets|got|getting) (?:off |out |about )?(?:with|in) (?:older|grown|adult)"
        r"(?: [a-z]+){0,2} (?:lads|boys|men|guys|man|people|blokes)|(?:older|grown) (?:lads|"
        r"boys|men|guys|man|blokes) (?:in|with) (?:a |their |his |the )?(?:car|cars|van)|"
        r"sent to (?:a|this|their|his|some) (?:house|flat|address|"
        r"place) to",
        # Welsh
        r"(?:gwerthu|cario|cuddio) (?:cyffuriau|stwff|pethau) (?:iddyn|iddo|iddi)|"
        r"cyffuriau|gorfodi fi",
    ),
    "bullying_threats": (
        r"bul+y|bul+ies|bul+ied|bul+ying|bulying|buly|bullys|bulys",
        r"(?:gonna|going to|will|wanna|want to|gna|said (?:they|he|she)(?:d|ll| would| will)"
        r"|threaten\w* to) (?:stab|shank|kill|jump|batter|beat up|shoot|merk|smash|rape|do)"
        r" (?:me|us|my)|(?:stab|stabbed|shank|shanked|jumped|merked) (?:me|us)|"
        r"(?:has|got|had|carries|carrying|pulled) (?:a )?(?:knife|blade|shank|gun|machete|"
        r"weapon)|death threat\w*|(?:told|tells|telling) me to (?:kys|kill my ?self|die)|kys",
        r"(?:gonna|going to|coming to) get me|(?:wait|waits|waiting) for me (?:after|outside|at)|"
        r"(?:posting|posted|sharing|shared) (?:stuff|pics|photos|videos) (?:of|about) me|"
        r"(?:gang|group) (?:of \w+ )?(?:follow|followed|chased|chase)\w* me|"
        r"(?:follow|follows|followed|following) me home",
        r"(?:jumps?|jumping|jumped) (?:me|us|my)|knife|knives|machete|blade|weapon|guns?(?! "
        r"(?:for|to) (?:school|college))",
        r"(?:head|face) down the toilet|(?:posted|filmed|filming|posting|shared|sharing) (?:a |"
        r"videos? |pics? )?(?:of )?me (?:getting|being) (?:beaten|hit|battered|jumped|attacked|"
        r"bullied)|stab\w*|(?:follows?|followed|following) me",
        # Welsh
        r"bwlio|mwlio|fwlio|bwli|bygwth fy (?:lladd|mrifo|nharo)",
    ),
    "immediate_danger": (
        r"in danger|(?:help|hlp) (?:me|us)(?: [a-z]+){0,1} (?:now|asap|quick|quickly)|"
        r"(?:please|pls|plz|plez) help(?: me| us)?(?: now| quick| asap)|sos|"
        r"(?:call|ring|phone|get) (?:the )?(?:police|999|ambulance)|"
        r"(?:hes|shes|theyre|he is|she is|they are) (?:coming|outside|here|downstairs|"
        r"at the door|in the house)(?: [a-z]+){0,2} (?:now|right now|to get me|with a)|"
        r"(?:scared|frightened|terrified)(?: [a-z]+){0,2} (?:please|pls|plz) help|"
        r"help me im (?:scared|frightened|terrified)|need help (?:now|right now|asap|urgently|"
        r"quick)|(?:hes|shes|theyre|he is|she is|they are) coming (?:back|home|round|over|for "
        r"me)(?: [a-z]+){0,4} (?:scared|frightened|terrified)|(?:scared|frightened|terrified)"
        r"(?: [a-z]+){0,4} (?:hes|shes|theyre|he is|she is|they are) coming|"
        r"(?:scared|frightened|terrified|help|hurting|hitting|not safe|unsafe|danger)"
        r"(?: [a-z]+){0,3} right now|hiding (?:from|in)|scared for my life|fear for my life|"
        r"(?:gonna|going to|will|wants? to|trying to) kill (?:me|us|her|him|my)|"
        r"(?:is|are|was) (?:strangling|choking|attacking|hurting|beating)",
        r"(?:hes|shes|theyre|he is|she is|they are|he will|she will|they will|hell|shell|"
        r"theyll) (?:going to |gonna )?(?:come|be|coming) (?:back|home|round|over)(?: [a-z]+)?"
        r" (?:tonight|now|soon|later)",
        r"(?:please |pls |plz )?come (?:quick|quickly|now|asap|straight away)|(?:smashing|smashed)"
        r" (?:the house|everything|things) up|(?:wont|doesnt|dont) let me (?:leave|go out|out of)",
        # Welsh
        r"mewn perygl|helpwch fi|help fi|ffoniwch yr heddlu|(?:mae|mae e|mae o|mae hi) yma nawr",
    ),
}


# Disclosures made on a child's behalf, in the third person: a parent, carer, advocate or
# professional writing "she is being hit", "they are not feeding him", "Jade has gone
# missing". The child is named, "he", "she", "they", "the young person", "my client", "YP",
# "my son" or "my foster child", so these patterns mostly key on the verb phrase (passive
# voice, an object pronoun, a possessive) rather than on who is speaking.
_THEM = r"(?:him|her|them)"
_THEIR = r"(?:his|her|their)"
_CHILD_NOUN = (
    r"(?:son|daughter|grandson|granddaughter|grandchild|niece|nephew|stepson|stepdaughter|"
    r"foster (?:child|son|daughter|children)|child|children|kids?|boy|girl|baby|babies|"
    r"young person|young people|yp|client|brothers?|sisters?|little one)"
)
_SOMEONE = r"(?:" + _THEM + r"|(?:my|our|his|her|their|the|this|a) " + _CHILD_NOUN + r")"
_BE = (
    r"(?:is|are|was|were|been|being|be|gets|get|got|getting|gettin|keeps getting|hes|shes|"
    r"theyre|theyve|has been|have been|had been)"
)
# Adults in a child's life, as a third person names them (no bare pronouns: "he hit the
# target" is not a disclosure).
_GROWN_UP = (
    r"(?:dad|daddy|father|mum|mam|mom|mummy|mother|step ?dad|step ?mum|step ?father|"
    r"step ?mother|boyfriend|girlfriend|partner|husband|uncle|aunt|auntie|nan|nanna|grandad|"
    r"grandma|carer|carers|foster (?:carer|carers|mum|dad|parents?|father|mother)|staff|"
    r"staff member|member of staff|key ?worker|adult|man|men|teacher|coach|cousin|brother|"
    r"sister)"
)
_PARENT = (
    r"(?:mum|mam|mom|mummy|mother|dad|father|nan|step ?mum|step ?dad|partner|wife|girlfriend|"
    r"husband|boyfriend)"
)
_STRONG_HIT = (
    r"(?:hit|hits|hitting|hitted|beat|beats|beating|punch|punches|punched|punching|kick|kicks|"
    r"kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|smacking|whack|whacks|"
    r"whacked|thump|thumps|thumped|batter|batters|battered|strangle|strangles|strangled|"
    r"strangling|choke|chokes|choked|choking|throttle|throttled|headbutt|headbutted|hurt|hurts|"
    r"hurting|harm|harms|harmed|harming|attack|attacks|attacked|abuse|abuses|abused|abusing|"
    r"bash|bashes|bashed|bite|bites|bitten|burn|burns|burnt|burned|lamp|lamped|belt|belted)"
)
_PLACE = (
    r"(?:up|down|across|along|into|against|onto|on to|on|off|out of|through|over) (?:the |a |"
    r"an |his |her |my |their |our )?(?:stairs|floor|ground|wall|walls|door|bed|table|radiator|"
    r"sofa|couch|car|room|bedroom|bathroom|cupboard|window|kitchen|road|street|garden|hallway|"
    r"corridor|landing|fence|bannister)|upstairs|downstairs|to the (?:floor|ground)"
)

_THIRD_PERSON_PATTERNS: dict[str, tuple[str, ...]] = {
    "self_harm_suicide": (
        r"(?:tried|tries|trying|try|wants?|wanted) to (?:hang|kill|strangle|drown|poison|"
        r"suffocate|cut|hurt|harm|stab|burn|end) " + _THEM + r" ?sel(?:f|ves)|"
        r"(?:hang|hangs|hanged|hanging|strangle|strangled|strangling|suffocate|suffocating|drown|"
        r"drowning|poison|poisoned|poisoning|stab|stabbed|stabbing|starve|starving|starved|scratch|"
        r"scratches|scratched|scratching|punch|punches|punched|punching|hit|hits|hitting|bang|"
        r"bangs|banging|carve|carving|carved|overdose|overdosed|overdosing) " + _THEM
        + r" ?sel(?:f|ves)",
        r"(?:end|ends|ending|ended) " + _THEIR + r" (?:own )?life|(?:take|took|taking|tried to "
        r"take) " + _THEIR + r" (?:own )?life|(?:thoughts?|thinking|thinks|thought|talking|talks|"
        r"talked|talk|spoke|speaks) (?:\w+ )?(?:of|about|bout) (?:ending (?:it|" + _THEIR + r" "
        r"life)|suicide|killing " + _THEM + r" ?sel(?:f|ves)|dying|not being here|self ?harm\w*|"
        r"hurting " + _THEM + r" ?sel(?:f|ves))",
        r"(?:doesnt|does not|didnt|did not|dont|do not|no longer|dont even) (?:want|wants|wanna)"
        r"(?: to| 2)? (?:be alive|live any ?more|be here any ?more|exist|wake up|live$)",
        r"(?:wish|wishes|wished) (?:he|she|they|hed|shed|theyd) (?:was|were|had been|could be)? "
        r"(?:dead|not alive|gone|not here)",
        r"(?:everyone|everybody|people|we|they|the family|the world|his family|her family|"
        r"their family)(?: [a-z]+){0,2} (?:be )?better off without " + _THEM + r"|(?:he|she|"
        r"they|hes|shes|theyre) (?:says?|said|feels?|felt|thinks?|thought|believes?) (?:\w+ )?"
        r"(?:\w+ )?(?:\w+ )?(?:better off without " + _THEM + r"|a burden)|better off "
        r"(?:if (?:he|she|they) (?:was|were|wasnt|werent) (?:dead|gone|not here|not around|"
        r"around))",
        r"no point (?:in )?" + _THEM + r" (?:living|being (?:alive|here)|going on|carrying on)",
        r"(?:found|finding|saw|seen|noticed) (?:cuts|scars|marks|burns|blood) on " + _THEIR
        + r" (?:arms?|wrists?|legs?|thighs?|stomach|body)|(?:cuts|cutting|cut|cuts) (?:on )?"
        + _THEIR + r" (?:arms?|wrists?|legs?|thighs?|skin|stomach)",
        r"(?:scratch\w*|cut|cuts|cutting|pick|picks|picking|bite|bites|biting|burn|burns|"
        r"burning|carv\w*) (?:at )?" + _THEIR + r" (?:arms?|wrists?|legs?|thighs?|skin|stomach)|"
        r"(?:until|till|til) (?:it|they|he|she) (?:bleeds?|bled)|(?:bang|bangs|banging|banged|"
        r"hit|hits|hitting|smash|smashes|smashing) " + _THEIR + r" head (?:on|against|off|into) "
        r"(?:the |a )?(?:wall|walls|floor|door)|(?:given|gave|giving|give|gives) (?:away )?(?:all"
        r" )?" + _THEIR + r" (?:stuff|things|belongings|possessions) away|(?:goodbye|suicide) "
        r"notes?|stopped eating|(?:been |being |makes? " + _THEM + r" ?sel(?:f|ves) )sick on "
        r"purpose|mak(?:es|ing) " + _THEM + r" ?sel(?:f|ves) sick",
    ),
    "physical_abuse": (
        # Passive voice: "she is being hit", "he was hit by his foster carer".
        _BE + r" (?:being )?(?:badly |really |seriously |regularly |repeatedly )?(?:hit|beaten|"
        r"beat|beaten up|beat up|punched|kicked|slapped|smacked|thumped|whacked|battered|"
        r"strangled|choked|throttled|headbutted|attacked|assaulted|abused|physically \w+|hurt|"
        r"harmed|bitten|burnt|burned|restrained|shoved|thrown|grabbed|dragged|kneed|stamped on|"
        r"pinned|held down|pushed (?:over|down|into|against|off)|belted)(?! (?:that|about|when|to"
        r"|for|off|out|(?:by|with) (?:the |what |how |his |her |their |a |an )?(?:decision|report|"
        r"comments?|words|way|news|what|how|lack|delay|changes?|cuts?|letter|outcome|car|ball|"
        r"bus|bike|bill|fine|charges?|fees?|costs?|tax|debt)|playing|at (?:football|pe|rugby|"
        r"school sport)|in (?:pe|a match|football|rugby|a game)))",
        # An object pronoun or a child: "has been hitting her", "hurts him", "hit the baby".
        r"(?<!it )(?<!that )(?<!this )(?<!which )(?<!what )" + _STRONG_HIT + r" " + _SOMEONE
        + r"(?! (?:feelings|chances|case|prospects|placement|relationship|confidence|pride|"
        r"education|off|out|back|up on|over|at (?:chess|football|games)|by (?:saying|not)|"
        + _PARENT + r"s?)(?![a-z]))",
        # An adult who hits a named child: "her carer slapped Jade".
        _GROWN_UP + r"(?: [a-z]+){0,3} (?:hit|hits|hitting|slapped|slaps|punched|punches|kicked|"
        r"kicks|beat|beats|beating|hurt|hurts|hurting|strangled|choked|smacked|smacks|thumped|"
        r"battered) (?!(?:the|a|an|it|its|this|that|these|rock|home|out|back|off|and|but|target|"
        r"targets|deadline|deadlines|wall|roof|ceiling|headlines|ground|road|bottom|me|us|him|her|"
        r"them|his|their|my|our|every|all|each|their|both|feelings|so|really|too|very|when|if|"
        r"because|on|in|at|to|for|with|by|again|before|after|since|as|or|then|while|once)"
        r"(?![a-z]))[a-z]{3,}",
        # Pushing, throwing, dragging somewhere: "threw him on the floor", "dragged her upstairs".
        r"(?:drag|drags|dragged|dragging|throw|throws|threw|throwing|thrown|shove|shoves|shoved|"
        r"shoving|push|pushes|pushed|pushing|slam|slams|slammed|slamming|pin|pins|pinned|pinning|"
        r"fling|flung|chuck|chucks|chucked) (?:me|us|" + _SOMEONE[3:-1] + r") (?:" + _PLACE
        + r")",
        r"(?:grab|grabs|grabbed|grabbing|pull|pulls|pulled|pulling|drag|drags|dragged|dragging|"
        r"yank|yanks|yanked|held|holds|hold|picked|lifted) (?:me|us|" + _SOMEONE[3:-1] + r") "
        r"(?:up )?by (?:the|my|his|her|their) (?:arm|arms|neck|throat|hair|collar|wrist|wrists|"
        r"ear|ears|hood|jumper|top|shirt|clothes)|(?:pulls?|pulled|pulling|yank\w*) (?:his|her|"
        r"their) hair|(?:hands|hand) (?:round|around|on) (?:his|her|their) (?:neck|throat)|"
        r"(?:marks|bruises|bruising|burns|welts|red marks) (?:on|all over|down) (?:his|her|their)"
        r" (?:\w+ )?(?:back|legs?|arms?|face|neck|body|bum|bottom|wrists?)",
        r"hand ?prints?|burn marks?|cigarette burns?|finger ?marks|"
        r"finger ?tip bruises|grip marks|slap marks|belt marks",
    ),
    "sexual_abuse": (
        _BE + r" (?:being )?(?:touched|groomed|raped|molested|sexually \w+|abused sexually|"
        r"interfered with|fondled|groped|flashed at|exploited sexually|kissed|indecently \w+)"
        r"(?! by (?:the |your |their |how |what |his |her |all |every |so )?(?:\w+ )?(?:kindness|"
        r"support|card|cards|gesture|words|letter|help|care|way|generosity|thought\w*|messages? "
        r"of|efforts?|everyone|response))",
        r"(?:made|make|makes|making|forced|forces|force|forcing) " + _THEM + r" (?:to )?(?:do "
        r"(?:stuff|things|sexual \w+)(?: [a-z]+){0,3} (?:dont|didnt|do not|doesnt|does not|did not"
        r"|wont|not)|touch (?:him|her|them|his|it)|have sex|watch porn|(?:take|get) (?:his|her|"
        r"their) clothes off|undress|sit on)",
        r"(?:ask|asks|asking|asked|keeps asking|kept asking) (?:" + _THEM + r" )?for (?:pics|"
        r"pictures|photos|nudes|videos|snaps|images)|(?:pics|pictures|photos|videos|snaps|"
        r"images) of (?:" + _THEM + r" ?sel(?:f|ves)|" + _THEIR + r" body)|(?:man|men|guy|"
        r"bloke|person|someone|adult)(?: (?:he|she|they)| (?:he|she|they) (?:has|had|have))? met "
        r"online|(?:men|man|guy|guys|bloke|older \w+|adults?)(?: [a-z]+){0,2} (?:gives?|gave|"
        r"buys?|bought) " + _THEM + r" (?:vapes?|alcohol|drink|weed|cigs|cigarettes|fags|money|"
        r"presents|gifts|drugs)",
        # A child's age, then an adult partner's: "Jade is 14 and has a boyfriend who is 22".
        r"(?:is|aged?|whos|who is|only|just|turned) (?:only |just )?(?:1[0-5]|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen)(?: ?(?:yo|yrs?|years?(?: old)?))?(?! ?(?:weeks?|months?|"
        r"days?))(?: [a-z0-9]+){0,6} (?:boyfriend|bf|fella|man|guy|bloke|girlfriend|gf|partner)"
        r"(?: (?:is|s|who is|whos|thats|that is|aged|of))? (?:1[89]|[2-9]\d)(?! ?(?:weeks?|"
        r"months?|days?|mins?|minutes|miles|pounds))",
        r"(?:touch|touches|touched|touching) " + _THEIR + r" (?:private|privates|bum|bottom|"
        r"chest|breasts|boobs|willy|penis|vagina|thighs?|body|bits)|(?:comes?|came|coming|"
        r"gets?|got|creeps?|crept) (?:into|in) " + _THEIR + r" (?:bed|bedroom|room) (?:at night|"
        r"in the night|when|while)",
        r"(?:sex|sexual \w+) with (?:a|an|older|grown|some) (?:\w+ )?(?:man|men|adult|adults|"
        r"guy|guys|bloke)|(?:watches|watched|watching) " + _THEM + r" when (?:he|she|they) "
        r"(?:is|are|s) (?:in the shower|in the bath|getting changed|changing|undressed)|"
        r"(?:made|make|makes|forced|told|tells)(?: " + _THEM + r")? (?:to )?(?:take|took) "
        + _THEIR + r" clothes off|(?:made|forced) to (?:strip|undress|get undressed)|"
        r"(?:watches|watched|watching|films|filmed|filming) (?:him|her|them) (?:in the shower|"
        r"in the bath|getting changed|undress\w*|changing)",
    ),
    "emotional_abuse": (
        r"(?:calls?|called|calling) " + _THEM + r" (?:names|stupid|fat|ugly|thick|worthless|"
        r"useless|a waste|retard\w*|a slag|slag|a slut|slut|a whore|dumb|a bitch|bitch|a cunt|"
        r"an idiot|idiot|pathetic|disgusting|evil)",
        r"(?:tells?|told|says?|said|telling|saying) (?:" + _THEM + r" )?(?:that )?(?:he|she|"
        r"they|hes|shes|theyre) (?:is|are|was|were)?(?: just)? (?:worthless|useless|stupid|a "
        r"mistake|nothing|a waste|a burden|unwanted|disgusting|evil|the devil|unlovable|"
        r"pathetic)",
        r"(?:wish|wishes|wished) (?:he|she|they|hed|shed|theyd) (?:was|were|had)? ?(?:never "
        r"been born|never born)|(?:tells?|told|says?|said) " + _THEM + r" (?:that )?(?:he|she|"
        r"they|i|we) (?:doesnt|dont|does not|do not|didnt|never) (?:love|want|like|care about) "
        + _THEM,
        r"(?:screams?|screaming|screamed|yells?|yelling|yelled|swears?|swearing|swore) (?:at|in)"
        r" (?:" + _THEM + r"|" + _THEIR + r" face)|(?:shouts?|shouting|shouted) at " + _THEM
        + r" (?:all the time|every day|constantly|and (?:threatens|humiliates|calls|hits|swears"
        r"|scares))",
        r"(?:locks?|locked|locking|shuts?|shut) " + _SOMEONE + r" (?:in|out)(?: of)? (?:" + _THEIR
        + r" |the |a )?(?:room|bedroom|cupboard|shed|house|garden|bathroom)|"
        + _BE + r" (?:locked|shut) (?:in|out)",
        r"(?:told|tells|tell|telling) " + _THEM + r" not to tell|(?:scared|frightened|terrified|"
        r"afraid|petrified)(?: [a-z]+){0,2} (?:of|off) " + _THEIR + r" (?:\w+ )?" + _GROWN_UP,
        r"(?:tells?|telling|told|says?|saying|said) (?:" + _THEM + r" )?(?:that )?(?:he|she|"
        r"they|hes|shes|theyre) (?:is|are|was|were)? ?(?:just )?(?:fat|ugly|thick|dumb|a slag|"
        r"a slut|a whore|a freak|trash|rubbish|a psycho|a nuisance|a waste of space)|"
        r"(?:nobody|no one|no ?body) (?:will|would|could) ever (?:want|love|like) " + _THEM
        + r"|" + _BE + r" (?:shouted|sworn|screamed|yelled) at",
        r"(?:locks?|locked|locking) " + _THEM + r" (?:in|out)(?! of (?:the )?(?:meeting|group|"
        r"chat|account|system|app))",
    ),
    "neglect": (
        r"(?:not|never|isnt|arent|wasnt|werent|dont|doesnt|didnt|wont|hasnt|havent|has not|have "
        r"not|had not|hadnt|stopped|barely|hardly|rarely) (?:been |being |ever |properly )?"
        r"(?:feed|feeds|feeding|fed) (?:" + _SOMEONE + r")",
        r"(?:not|never|isnt|arent|wasnt|werent|hasnt|havent|has not|have not) (?:being |been )?"
        r"(?:fed|given (?:food|meals|enough food|enough to eat|anything to eat|dinner|breakfast))",
        r"(?:left|leaves|leave|leaving) (?:" + _SOMEONE + r")(?: [a-z]+){0,2} (?:alone|on "
        + _THEIR + r" own|by " + _THEM + r" ?sel\w*|home alone|unattended|unsupervised)|"
        + _BE + r" (?:often |always |regularly |just )?left (?:alone|on (?:" + _THEIR + r"|my|"
        r"our) own|home alone|unattended|unsupervised|in (?:a |their |his |her )?(?:dirty|soiled|"
        r"wet)|to fend|without (?:food|anyone|an adult|supervision|anything to eat))",
        r"(?:doesnt|does not|didnt|did not|isnt|wasnt|arent|dosnt|doesn|no longer|never) "
        r"(?:feel |feels |felt )?(?:very |really |that |so )?(?:safe|saf|sfe)(?! (?:to (?:speak|"
        r"say|talk|tell|share|ask)|enough to (?:speak|say|talk|tell|share|ask)|speaking))",
        r"(?:nothing|no food|never any ?thing|never any food|no ?thing) in the (?:fridge|"
        r"cupboards?|house)|(?:fridge|cupboards?) (?:is |are )?(?:always |often )?(?:empty|"
        r"bare)|empty fridge|(?:dirty|soiled|wet|filthy) (?:nappy|nappies|bedding|sheets|"
        r"mattress)|lost (?:a lot of |so much |loads of |a load of )weight|nobody (?:looks after"
        r"|feeds|cares for|washes) " + _THEM + r"|no one (?:looks after|feeds|cares for|washes) "
        + _THEM + r"|(?:not|isnt|arent|never) (?:being )?(?:washed|bathed|changed)(?! (?:the|"
        r"his|her|their|my|a|its)(?![a-z]))",
        r"(?:not|never|doesnt|dont|didnt|isnt|arent|wasnt|hasnt|havent) (?:\w+ )?(?:given|"
        r"getting|get|gets|got|taking|take|takes) (?:" + _THEIR + r" |" + _THEM + r" " + _THEIR
        + r" )?(?:medication|medicine|meds|insulin|inhaler)",
        r"(?:take|takes|took|taking) (?:away )?" + _THEIR + r" (?:food|meals|dinner|tea)(?: "
        r"away)?(?: [a-z]+){0,2} (?:as (?:a )?punishment|to punish)|(?:withhold|withholds|"
        r"withheld|withholding) (?:" + _THEIR + r" )?(?:food|meals)|(?:hungry|smelly|unwashed|"
        r"dirty) and (?:smelly|dirty|unwashed|hungry)|holes in " + _THEIR + r" (?:shoes|clothes)|"
        r"(?:not|never|hasnt|havent|has not|have not|isnt|arent) (?:been |being )?taken to "
        r"(?:any of )?(?:" + _THEIR + r" |the )?(?:health |medical |hospital |doctors? |"
        r"dentist |eye |baby )?(?:appointments?|checks?|doctor|doctors|dentist|gp|hospital|"
        r"clinic)",
    ),
    "domestic_abuse": (
        r"(?:throw|throws|threw|throwing|thrown) (?:a |the |some |plates |things |stuff )?(?:\w+ )?"
        r"at " + _THEIR + r" " + _PARENT + r"|(?:" + _PARENT + r"|ex)s? (?:\w+ )?(?:is|was|gets|"
        r"got|has been|can be|becomes) (?:very |really |often |so )?(?:violent|aggressive|"
        r"abusive)(?! (?:to|towards) (?:me|us|him|her|them)(?! " + _PARENT + r"))|violent "
        r"(?:to|towards) " + _THEIR + r" " + _PARENT + r"|(?:witness\w*|sees|saw|seen|seeing|see|"
        r"watch\w*|hears?|heard|hearing)(?: [a-z]+){0,3} (?:domestic|violence|fighting|fights|"
        r"rows|arguments)|(?:parents|mum and dad|mam and dad|mum and (?:her|his) (?:partner|"
        r"boyfriend)|" + _THEIR + r" parents) (?:were|are|was|keep|kept) (?:always |constantly )?"
        r"(?:fighting|hitting each other|attacking each other|violent)",
        r"threat\w* to (?:kill|hurt|stab|beat|batter|strangle|burn) " + _THEIR + r" " + _PARENT
        + r"|(?:starts|started|starting|kicks off|kicked off|kicking off) (?:on|at) " + _THEIR
        + r" " + _PARENT + r"|(?:bruises|black eye|injuries|marks|cuts) (?:from|off|because of) "
        + _THEIR + r" (?:partner|boyfriend|husband|ex|girlfriend|wife)",
    ),
    "missing": (
        # "Jade has gone missing", "Kai went missing on Saturday": the word before names
        # the one missing, unless it is a thing ("his passport went missing").
        r"(?!(?:file|files|paperwork|passport|money|documents?|forms?|letters?|reports?|records?|"
        r"phone|bags?|clothes|things|stuff|items?|belongings|cards?|cash|laptop|keys?|payments?"
        r"|applications?|it|this|that|which|what|parcel|post|tablet|ipad|pages?|evidence|notes|"
        r"minutes|photos?|bike|shoes|trainers|coat|information|details|some|has|had|have|was|"
        r"were)(?![a-z]))[a-z]+(?: (?:has|have|had|keeps|kept|just|again|then|also|now|s|often|"
        r"has just|had just|has now|has been|had been|has already))? (?:went|gone|go|going|goes|"
        r"been) missing" + _NOT_MISSING_A_THING,
        r"missing (?:from (?:home|care|" + _THEIR + r" (?:placement|home|foster home|carers|"
        r"house|unit|school|childrens home)|the (?:placement|home|unit|house|childrens home))|"
        r"since (?:[a-z]+day|yesterday|last|the|this|early|about|before|lunch|midnight|\d)|"
        r"for (?:\d+|two|three|four|five|several|days|hours|nights|a (?:day|night|week|few)|the"
        r" (?:night|weekend|day)|over|nearly|almost|most of)|episodes?|persons?|person report)",
        r"(?:didnt|did not|hasnt|has not|havent|have not|hadnt|had not|never|not) (?:come|came|"
        r"been|gone|got|went|returned|turned up) (?:back )?home|(?:didnt|did not|hasnt|has not|"
        r"havent|have not|hadnt|had not|not|never) returned(?: back)? (?:home|to (?:the|" + _THEIR
        + r") (?:home|placement|unit|house|carers|foster \w+|childrens home))|(?:didnt|did not|"
        r"hasnt|has not|havent|have not|hadnt|had not|not) (?:come|came|been) back (?:last "
        r"night|all night|since|for (?:two|three|\d+|days|hours|nights|the night)|overnight|yet"
        r"|to (?:the|" + _THEIR + r") (?:home|placement|unit|house|carers))",
        r"(?:dont|do not|didnt|did not|dont even|no one|nobody|none of us|no idea|not sure|not "
        r"know|unsure) (?:\w+ )?(?:knows?|know) where (?:he|she|hes|shes|(?:my|our"
        r"|the|his|her) " + _CHILD_NOUN + r"|(?!(?:the|it|its|this|that|these|those|his|her|my|"
        r"our|their|your|a|an|to|we|i|you|they|theyre|everything|anything|things|stuff|"
        r"everyone|people|he|she)"
        r"(?![a-z]))[a-z]+) (?:is|are|was|were|went|has gone|had gone|have gone|goes|has been|"
        r"stays|is staying|sleeps|is sleeping|has got to|got to|ended up)(?! (?:placed|living|"
        r"moving|based|working|going to (?:school|live|be placed)|at school|up to|with (?:the|"
        r"his|her) (?:plan|case|application)))",
        r"(?:hasnt|has not|havent|have not|hadnt|had not|not) been seen (?:since|for)|"
        r"abscond\w*|(?:stays?|stayed|staying|been|was|is|keeps staying) out (?:all night|"
        r"overnight|till|until) ?(?:[a-z0-9]+ )?(?:am|in the morning|all night)?",
        r"(?:disappeared|disappears|disappearing|vanished|vanishes) (?:again|after school|from "
        r"(?:the |" + _THEIR + r" )?(?:home|placement|house|school|unit)|for (?:days|hours|"
        r"nights|the night|the weekend|\d+|two|three|a (?:day|night|week|few))|overnight|last "
        r"night|in the night|at night)|no idea where (?:he|she|hes|shes) (?:is|went|has gone|"
        r"goes)",
    ),
    "exploitation": (
        r"(?:used|groomed|recruited|pressured|pressured into|coerced|forced|made|told|paid|"
        r"asked|sent|being used) (?:to|into) (?:carry|carrying|sell|selling|deal|dealing|"
        r"deliver|delivering|stash|stashing|hide|hiding|transport|transporting|drop off|"
        r"dropping off)(?! (?:a |the |his |her )?(?:meeting|review|club|session|group|own|"
        r"errands|books|shopping|lunch|homework|tickets|raffle|cakes|biscuits|sweets))",
        r"(?:found|picked up|arrested|stopped|caught|seen|travell\w*|turned up|taken|sent|went|"
        r"goes|going|gone|keeps going) (?:\w+ )?(?:\w+ )?(?:in|to) (?:another|a different|other|"
        r"different) (?:county|counties|town|towns|city|cities)|(?:drugs|weed|cash|a knife|"
        r"knives|money|a phone|phones) on " + _THEM + r"|(?:caught|found|stopped|arrested) "
        r"(?:\w+ )?with (?:drugs|weed|cocaine|crack|a knife|knives|large amounts of (?:cash|"
        r"money)|lots of cash|loads of cash|wraps)",
        r"(?:owe|owes|owed|owing) (?:money |a debt |a lot |loads |them money )?(?:to )?(?:them|"
        r"him|some|older|these|those|people|a gang|the gang|dealers?|boys|lads|men)",
        r"(?:picked up|collected|driven|dropped off|taken|picks? (?:him|her|them) up) (?:\w+ )?"
        r"(?:\w+ )?(?:by|with) (?:older|adult|grown|unknown|different|strange) (?:men|man|lads|"
        r"boys|males|people|guys)|(?:gets?|got|getting) (?:in|into) (?:cars?|vans?) with "
        r"(?:older|adult|grown|unknown|strange|different)",
        r"(?:comes?|came|coming) (?:back |home )?with (?:new |loads of |expensive |designer |"
        r"lots of )?(?:trainers|clothes|phones?|money|cash|drugs|weed)(?: and (?:new |"
        r"expensive )?(?:trainers|clothes|phones?|money|cash))? and (?:wont|will not|doesnt|"
        r"cant|refuses to) (?:say|tell|explain)|(?:second|another|extra|new) phone (?:that|"
        r"which) (?:keeps )?(?:ringing|rings)",
        r"(?:paying|paid|pays|pay) " + _THEM + r" to (?:keep|hold|carry|hide|stash|store|look "
        r"after|deliver|drop|sell|move)|"
        r"in debt to (?:a |some |the |these |older )?(?:dealers?|gang|older|them|him|people|"
        r"lads|boys|men)|(?:large|big|huge) amounts? of (?:cash|money|drugs|cannabis|weed|"
        r"cocaine)|(?:drugs|cannabis|weed|cocaine|crack|heroin)(?: [a-z]+){0,3} (?:in|to) "
        r"(?:another|a different) (?:county|town|city)",
    ),
    "bullying_threats": (
        _BE + r" (?:being )?(?:bullied|picked on|jumped|threatened|intimidated|harassed|"
        r"stalked|targeted|chased|cyber ?bullied|beaten up|beat up)",
        r"(?:pick|picks|picking|picked) on " + _SOMEONE + r"|(?:girls|boys|kids|lads|pupils|"
        r"students|young people|gang|group|older kids|others|residents)(?: [a-z]+){0,3} "
        r"(?:beat|jumped|attacked|battered|hit|punched|kicked|threatened|chased|followed|"
        r"beat up|bullied|pick on|picked on) (?:" + _SOMEONE + r")",
        r"(?:gonna|going to|will|wanna|want to|wants to|gna|said (?:they|he|she)(?:d|ll| would| "
        r"will| are going to| were going to)|threaten\w* to) (?:stab|shank|kill|jump|batter|beat"
        r" up|shoot|merk|smash|rape|hurt|get) " + _SOMEONE + r"|(?:told|tells|telling) "
        + _THEM + r" to (?:kys|kill " + _THEM + r" ?sel\w*|die|go die)|(?:stab|stabbed|shank|"
        r"shanked|merked) " + _SOMEONE + r"|(?:filmed|filming|posted|posting|shared|sharing) "
        r"(?:it|the (?:fight|attack|video))",
        r"(?:spit|spits|spat|spitting) (?:on|at) " + _SOMEONE + r"|" + _BE + r" (?:beaten|"
        r"battered|beat up|hit|punched|kicked|attacked|jumped|spat on|threatened)(?: [a-z0-9]+)"
        r"{0,5} by (?:year|older|other|some|the other|a group|a gang|girls|boys|kids|lads|"
        r"pupils|students)|(?:wait|waits|waiting|waited) for " + _THEM + r" (?:after|outside|at)"
        r"|to (?:fight|jump|batter|beat up|stab|get) " + _THEM + r"(?! (?:a|an|the|some|into|to"
        r"|on|his|her|their)(?![a-z]))",
    ),
    "immediate_danger": (
        r"(?:is|are|s) (?:at|outside|in|inside|round) (?:the |her |his |their |my |our )?"
        r"(?:house|flat|door|front door|home|school|placement|window|gate|building)(?: [a-z]+)"
        r"{0,2} (?:now|right now|as we speak|at the moment)|(?:send|get) (?:someone|somebody|"
        r"help|the police|police|an ambulance)(?: [a-z]+){0,3} (?:now|quick|quickly|urgently|"
        r"asap|right away|straight away|immediately)|please send (?:help|the police|police)",
        r"(?:wont|doesnt|dont|will not|does not|do not|not|never) (?:let|allow) " + _SOMEONE
        + r" (?:to )?(?:leave|out of (?:the |" + _THEIR + r" )?(?:house|flat|room|bedroom))",
        _BE + r" (?:being )?(?:kept|held|locked|trapped) (?:at|in|inside) (?:the |a |his |her |"
        r"their |this |some |an )?(?:flat|house|room|address|car|van)|(?:cant|cannot|can not|"
        r"is not able to|isnt allowed to|not allowed to) (?:leave|get out)(?! (?:the )?(?:placement"
        r"|care|school|the meeting))",
        r"(?:gun|knife|weapon|machete|blade)(?: [a-z]+){0,3} (?:right now|now)|(?:go|get|come"
        r"|send someone) (?:round|over|there|to the (?:house|flat))(?: there)? (?:now|right now|"
        r"quick|asap|immediately|urgently)",
    ),
}


def squeeze_pattern(pattern: str) -> str:
    """Squeeze letter runs in a regex source, as ``normalise`` squeezes them in text."""
    return _SQUEEZE_PATTERN.sub(r"\1", pattern)


def _compile(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{squeeze_pattern(alternative)})" for alternative in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, _compile(patterns + _THIRD_PERSON_PATTERNS.get(kind, ())))
    for kind, patterns in _KIND_PATTERNS.items()
)


def _result(evidence: list[Evidence]) -> SafeguardingResult:
    evidence.sort(key=lambda item: (item.start, item.end, item.kind))
    kinds = tuple(kind for kind, _ in _COMPILED if any(e.kind == kind for e in evidence))
    return SafeguardingResult(bool(evidence), kinds, tuple(evidence))


def screen_patterns(text: str, *, folded: NormalisedText | None = None) -> SafeguardingResult:
    """The hand-written patterns alone (what the classifier's disclosure marker uses)."""
    text = text or ""
    folded = normalise(text) if folded is None else folded
    evidence: list[Evidence] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(folded.text):
            if match.end() == match.start():
                continue
            start, end = folded.original_span(match.start(), match.end())
            evidence.append(Evidence(kind, start, end, text[start:end]))
    despaced = _despaced(text)
    if despaced is not None:
        joined, origins = despaced
        refolded = normalise(joined)
        seen = {(item.kind, item.start, item.end) for item in evidence}
        for kind, pattern in _COMPILED:
            for match in pattern.finditer(refolded.text):
                if match.end() == match.start():
                    continue
                start, end = refolded.original_span(match.start(), match.end())
                start, end = origins[start], origins[end - 1] + 1
                if (kind, start, end) not in seen:
                    seen.add((kind, start, end))
                    evidence.append(Evidence(kind, start, end, text[start:end]))
    return _result(evidence)


# The model's second look also reads a long message a piece at a time. Its features are
# averaged over the whole text (TF-IDF rows are normalised to unit length), so one worrying
# sentence inside a long, ordinary complaint weighs little: "Jade has gone missing from her
# placement" is caught on its own and missed inside an advocate's four-sentence letter. Each
# sentence (a long one cut into overlapping windows of words) that holds one of the model's
# risk words is scored on its own, at the model's own threshold.
_PIECE = re.compile(r"[^.!?\n]+")
_WINDOW_WORDS = 40
_WINDOW_STEP = 20
_MAX_PIECES = 24


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` the model reads on their own: sentences, long ones in windows."""
    spans: list[tuple[int, int]] = []
    for sentence in _PIECE.finditer(text):
        words = list(re.finditer(r"\S+", sentence[0]))
        if not words:
            continue
        offset = sentence.start()
        if len(words) <= _WINDOW_WORDS:
            spans.append((offset + words[0].start(), offset + words[-1].end()))
            continue
        for first in range(0, len(words) - _WINDOW_STEP, _WINDOW_STEP):
            last = words[min(first + _WINDOW_WORDS, len(words)) - 1]
            spans.append((offset + words[first].start(), offset + last.end()))
    return spans


@lru_cache(maxsize=8)
def _risk_words(cues: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    joined = "|".join(squeeze_pattern(cue) for group in cues for cue in group)
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


# Everyday idioms built on the model's risk words. When every risk word in a message sits
# inside one of these, the model's second look stands down ("the staff hit the target for
# visits", "he went missing the meeting"); any other risk word and it looks as usual. The
# patterns never stand down.
_IDIOMS = re.compile(squeeze_pattern(
    r"(?<![a-z0-9])(?:hit (?:the|a|their|our|his|her|all|every) (?:\w+ )?(?:targets?|deadlines?|"
    r"wall|roof|headlines|ground running|road|jackpot|spot|mark|nail on the head)|hit (?:it|"
    r"things) off|took a hit|beat the (?:deadline|target|queue|traffic|rush)|missing (?:the|a|"
    r"his|her|their|my|our) (?:meeting|review|deadline|appointment|bus|train|point|start|"
    r"session|lesson|call|visit|form|paperwork|pages?|minutes|documents?|file|report)|went "
    r"missing the|dead (?:boring|good|nice|easy|proud)|dying to|killing (?:it|time)|"
    r"starving (?:him|her|them|us|me) of (?:information|support|funding|money)|pushing for|"
    r"pushed for)(?![a-z0-9])"
))


def _only_idioms(folded: NormalisedText, cues: dict[str, tuple[str, ...]]) -> bool:
    """True when every risk word in the folded text lies inside an everyday idiom."""
    idioms = [match.span() for match in _IDIOMS.finditer(folded.text)]
    if not idioms:
        return False
    pattern = _risk_words(tuple(tuple(group) for group in cues.values()))
    return all(any(start <= match.start() < end for start, end in idioms)
               for match in pattern.finditer(folded.text))


def _risky_pieces(text: str, folded: NormalisedText, cues: dict[str, tuple[str, ...]]
                  ) -> list[tuple[int, int]]:
    """The pieces of a message with more than one piece that hold a risk word."""
    spans = _pieces(text)
    if len(spans) < 2:
        return []
    hits = [folded.original_span(match.start(), match.end())[0]
            for match in _risk_words(tuple(tuple(group) for group in cues.values())).finditer(
                folded.text)]
    if not hits:
        return []
    return [(start, end) for start, end in spans
            if any(start <= hit < end for hit in hits)][:_MAX_PIECES]


def model_check(
    text: str, features: Any = None, *, folded: NormalisedText | None = None
) -> SafeguardingResult:
    """The trained safeguarding model's second look at text the patterns passed.

    The whole message first, then (for a message of more than one sentence) each sentence
    or window that holds a risk word, so a disclosure is not diluted by the rest of a long
    letter. Imported here because the model lives with triage, which imports this module.
    If the artefact cannot be read the patterns still stand: the screen itself must never
    fail. ``features`` are the model's features of ``text`` when the caller already has
    them; ``folded`` is ``normalise(text)`` when the caller has that, so it is not folded
    twice.
    """
    from intake_app.domain.triage import concern_evidence, load_model

    if not text.strip():
        return _result([])
    try:
        folded = normalise(text) if folded is None else folded
        cues = load_model().risk_cues
        evidence = concern_evidence(text, features, folded=folded)
        if evidence:
            return _result([] if _only_idioms(folded, cues) else evidence)
        for start, end in _risky_pieces(text, folded, cues):
            piece = text[start:end]
            found = concern_evidence(piece)
            if found and not _only_idioms(normalise(piece), cues):
                return _result([
                    Evidence(item.kind, start + item.start, start + item.end,
                             text[start + item.start : start + item.end])
                    for item in found
                ])
        return _result([])
    except (OSError, EOFError, pickle.UnpicklingError):
        return _result([])


def screen(text: str, *, folded: NormalisedText | None = None) -> SafeguardingResult:
    """Screen one message; never raises for any ``str`` input.

    Patterns run first; only if none matches does the trained model take a second look.
    ``folded`` lets a caller that has already normalised ``text`` skip doing it twice.
    """
    text = text or ""
    folded = normalise(text) if folded is None else folded
    result = screen_patterns(text, folded=folded)
    return result if result.flagged else model_check(text, folded=folded)
