"""Figures in English notes: "The station has served more than 6,000 person-times" (6000,
more than, person-times, labelled "served"), "an area of 800 square metres" (800 m²),
"over 50 events", "120 delivery riders", "3.5 km", "40% of riders", "April 2022".

The label is a guess, as for Chinese: the last meaningful word before the figure in the same
clause ("has served" → "served", "an area of" → "area"); for a share, what it is a share of;
else the counted noun itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fieldvisit.domain.enums import FigureQualifier

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_QUALIFIER_WORDS = {
    "more than": FigureQualifier.MORE_THAN, "over": FigureQualifier.MORE_THAN,
    "at least": FigureQualifier.MORE_THAN, "upwards of": FigureQualifier.MORE_THAN,
    "about": FigureQualifier.ABOUT, "around": FigureQualifier.ABOUT,
    "nearly": FigureQualifier.ABOUT, "almost": FigureQualifier.ABOUT,
    "approximately": FigureQualifier.ABOUT, "roughly": FigureQualifier.ABOUT,
    "some": FigureQualifier.ABOUT, "close to": FigureQualifier.ABOUT,
    "less than": FigureQualifier.LESS_THAN, "fewer than": FigureQualifier.LESS_THAN,
    "under": FigureQualifier.LESS_THAN,
}
_QUALIFIER = "|".join(sorted((w.replace(" ", r"\s+") for w in _QUALIFIER_WORDS),
                             key=len, reverse=True))
# Measurement units, normalized: the first pattern that matches right after the number wins.
_MEASURES: tuple[tuple[str, str], ...] = (
    (r"square\s+kilomet(?:re|er)s?\b|sq\.?\s*km\b|km\s*[²2](?![\w²])", "km²"),
    (r"square\s+met(?:re|er)s?\b|sq\.?\s*m\b|sqm\b|m\s*[²2](?![\w²])", "m²"),
    (r"square\s+feet\b|sq\.?\s*ft\b", "sq ft"),
    (r"kilomet(?:re|er)s?\b|km\b", "km"),
    (r"met(?:re|er)s?\b|m\b", "m"),
    (r"kilograms?\b|kg\b", "kg"),
    (r"tonnes?\b|tons?\b", "t"),
    (r"per\s*cent\b|percent\b|%", "%"),
)
_MEASURE = re.compile("|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(_MEASURES)),
                      re.IGNORECASE)
_FIGURE = re.compile(
    rf"(?:(?P<about>\b(?:{_QUALIFIER}))\s+)?(?<![\w.,:/-])(?P<number>{_NUMBER})(?![\w.,:/-]?\d)"
    rf"(?P<plus>\+)?", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SCALE = re.compile(r"(?:thousand|million|billion)\b", re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_MONTH_NAME = re.compile(_MONTH_NAMES, re.IGNORECASE)
_MONTH = re.compile(rf"\b(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<year>(?:19|20)\d{{2}})\b",
                    re.IGNORECASE)
_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "whereas", "which", "who", "where",
                           "when"})
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]\"“”‘’—–\n，。；：！？（）、]")

# Words that do not name what is counted: articles, auxiliaries, prepositions, pronouns, and
# linking verbs ("reached", "totalled") that stand where Chinese writes 达到 or 共计.
FUNCTION_WORDS = frozenset("""
a an the this that these those there here it its they them their we our us he she his her
you your who which what whose whom one ones
is are was were be been being am has have had having do does did done will would shall should
can could may might must
of in on at by for to with within from into onto about over under than up down out off across
per via through throughout during since until till after before between among around near
and or but nor so yet as if then also too only just already altogether overall some any each
every all both more most less least fewer many much several nearly almost approximately
roughly total totally totalling totaling totalled totaled totals reached reaches reach
reaching amounted amounts amount amounting numbered numbers numbering stood stands stand
standing came comes come coming got gets get getting now currently still ever already yet
no not another other such whole same own very am pm a.m p.m o'clock
""".split())


@dataclass(frozen=True)
class EnglishFigure:
    label: str
    value: str
    unit: str
    qualifier: FigureQualifier
    start: int
    end: int


def _is_noun_like(word: str) -> bool:
    return word.lower() not in FUNCTION_WORDS and not _MONTH_NAME.fullmatch(word)


def _plural(word: str) -> bool:
    return word.lower().endswith("s") and not word.lower().endswith(("ss", "'s", "’s"))


def _counted(text: str, end: int) -> tuple[str, int]:
    """The unit right after a number: a measurement unit (normalized), else the counted noun
    ("companies", "person-times", "delivery riders", "million yuan"); ("", end) if none."""
    rest = text[end:end + 60]
    gap = len(rest) - len(rest.lstrip(" \u00a0"))
    measure = _MEASURE.match(rest, gap)
    if measure and measure.lastgroup:
        return _MEASURES[int(measure.lastgroup[1:])][1], end + measure.end()
    if not gap:
        return "", end
    words: list[str] = []
    position = gap
    scale = _SCALE.match(rest, position)
    if scale:
        words.append(scale.group().lower())
        position = scale.end() + 1
    word = _WORD.match(rest, position)
    if word is None or not _is_noun_like(word.group()):
        return (words[0], end + scale.end()) if scale else ("", end)
    words.append(word.group())
    position = word.end()
    # "120 delivery riders": a plural noun right after a singular one belongs to it
    second = _WORD.match(rest, position + 1) if rest[position:position + 1] == " " else None
    if not _plural(word.group()) and second and _plural(second.group()) \
            and _is_noun_like(second.group()):
        words.append(second.group())
        position = second.end()
    return " ".join(words), end + position


def _label_before(text: str, start: int) -> str:
    """The last meaningful word before ``start`` in the same clause."""
    window = text[max(0, start - 80):start]
    clause = _CLAUSE_END.split(window)[-1]
    words = _WORD.findall(clause)
    if start > 80 and len(clause) == len(window) and not window[:1].isspace():
        words = words[1:]  # the first word was cut in half by the window
    joins = [i for i, w in enumerate(words) if w.lower() in _CONJUNCTIONS]
    if joins:  # "… and 800 people": the clause starts after the conjunction
        words = words[joins[-1] + 1:]
    content = [w for w in words if _is_noun_like(w)]
    return content[-1] if content else ""


def _label_of_share(text: str, end: int) -> str:
    """What a percentage is a share of: "40% of (the 2,000) riders" → "riders"."""
    following = re.sub(r"(?<=\d)[,.](?=\d)", "", text[end:end + 70])  # "2,000" is one word
    after = re.match(r"\s+of\s+([^,.;:!?()\n，。；：！？（）]{1,60})", following)
    if not after:
        return ""
    words: list[str] = []
    for token in after.group(1).split():
        word = _WORD.fullmatch(token.strip("'’\"“”"))
        if word and _is_noun_like(word.group()):
            words.append(word.group())
        elif words or word is not None and token.lower() not in ("the", "a", "an", "all"):
            break  # "of the riders are …": the share ends at "are"
        if len(words) == 2:
            break
    return " ".join(words)


def find_english_figures(text: str) -> list[EnglishFigure]:
    """Figures written in English, in the order they appear (overlaps are for the caller)."""
    found: list[EnglishFigure] = []
    for match in _MONTH.finditer(text):
        month = _MONTHS.index(match["month"][:3].lower()) + 1
        found.append(EnglishFigure(_label_before(text, match.start()) or "date",
                                   f"{match['year']}-{month:02d}", "", FigureQualifier.EXACTLY,
                                   *match.span()))
    for match in _FIGURE.finditer(text):
        unit, end = _counted(text, match.end())
        if not unit:
            continue
        qualifier = FigureQualifier.MORE_THAN if match["plus"] else _QUALIFIER_WORDS.get(
            re.sub(r"\s+", " ", (match["about"] or "").lower()), FigureQualifier.EXACTLY)
        start = match.start("about") if match["about"] else match.start("number")
        if unit == "%":
            label = _label_of_share(text, end) or _label_before(text, start)
        else:
            label = _label_before(text, start)
        if not label and unit not in {u for _, u in _MEASURES}:
            label = unit.split()[-1]
        found.append(EnglishFigure(label, match["number"].replace(",", ""), unit, qualifier,
                                   start, end))
    return sorted(found, key=lambda f: f.start)
