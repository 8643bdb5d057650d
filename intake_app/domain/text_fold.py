"""The text fold that the safeguarding screen, its model and triage all read.

Children write in text-speak, misspell, stretch words ("hiiits"), hide letters behind digits
("k1ll") and sometimes write in Welsh. ``normalise`` folds a message for matching: NFKC/NFKD
compatibility folding, lower case, accents and control characters removed, apostrophes
dropped, leet digits inside words read as letters, punctuation turned into spaces and every
run of a repeated letter squeezed to one letter, then common text-speak words rewritten
("in2", "wen", "sum1", "alot") and dropped g's restored ("scratchin", "sleepin"; not
"cousin" or "again"). Every folded character keeps the span of the original it came from,
so evidence quotes exactly what the child wrote. ``squeeze_pattern`` squeezes a regex the
same way, so "kill" in a pattern matches "kil", "kill" and "killllll". ``despaced`` joins
letters spaced out to dodge a filter ("h i t s  m e", "k.m.s") for a second reading.

Pure Python with no imports from the rest of the app, so every module may use it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


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
        # Dropped vowels and clipped words ("tuk", "cnt", "lockd"), so "jst tuk loads of
        # paracetamol" and "lockd in cnt get out" read as the patterns spell them.
        "tuk": "took", "jst": "just", "cnt": "cant", "dnt": "dont",
        "wnt": "want", "wnna": "wanna", "tmrw": "tomorrow", "tmr": "tomorrow",
        "tmoz": "tomorrow", "2moz": "tomorrow", "nite": "night", "lst": "last",
        "ppl": "people", "plz": "please", "pls": "please", "plez": "please", "sed": "said",
        "skl": "school", "skool": "school", "yday": "yesterday", "yest": "yesterday",
        "hr": "hour", "hrs": "hours", "lockd": "locked", "kickd": "kicked", "hitd": "hit",
        "neva": "never", "evry": "every", "shud": "should", "wud": "would", "cud": "could",
        "coz": "because", "cuz": "because", "nuffin": "nothing", "nuthin": "nothing",
        "wat": "what", "wot": "what", "gt": "got", "prob": "probably",
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
# A dropped "e" before a final "d" ("swallowd", "punchd", "grabd", "kickd"): only after
# letters no English word ends on before a "d" ("crowd" aside), so "hold", "bird" and
# "hand" stay as they are.
_DROPPED_E = re.compile(r"[a-z]{2,}(?:w|k|ch|sh|p|b|g|m|t)d")
_TEXT_SPEAK_WORD = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(_TEXT_SPEAK, key=len, reverse=True))
    + r"|[a-z]{2,}[b-df-hj-np-tv-z]in|" + _DROPPED_E.pattern + r")(?![a-z0-9])"
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
            if word in _NOT_DROPPED_G or word == "crowd":
                continue
            replacement = (word[:-1] + "ed" if _DROPPED_E.fullmatch(word)
                           else word + "g")
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


def despaced(text: str) -> tuple[str, list[int]] | None:
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


def squeeze_pattern(pattern: str) -> str:
    """Squeeze letter runs in a regex source, as ``normalise`` squeezes them in text."""
    return _SQUEEZE_PATTERN.sub(r"\1", pattern)

