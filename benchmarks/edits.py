"""Edits of one source sentence, for the edit set (``edit_set.py``).

Each edit takes the sentence and the sentences around it (its window, which becomes the case's
source) and returns the edited sentence, or None where it does not apply. Meaning-changing
edits: ``entity_swap`` (a name for another name of the same kind from the window), ``number``
(a figure shifted), ``date`` (a weekday, month or year shifted), ``negation`` (a "not" added
or removed), ``antonym`` (a word for its opposite), ``roles`` (two names around a verb
swapped). Meaning-keeping edits: ``synonym``, ``reorder`` (a leading or trailing phrase moved,
or "A and B" turned round), ``passive`` (active to passive voice), ``drop_modifier`` (an
adverb, an adjective or an apposition dropped), ``spelling`` (British to American).

The word lists here were written for the edit set on their own, not taken from the scorer's
lexicon; ``edit_set.py`` reports how many of their pairs the lexicon knows.
"""

from __future__ import annotations

import random
import re

from factcheck.names import NOT_NAMES, find_people, is_place

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()  # fmt: skip
OPPOSITES = dict(
    pair.split("/")
    for pair in """rose/fell fell/rose increased/decreased decreased/increased won/lost lost/won
    opened/closed closed/opened approved/rejected rejected/approved accepted/refused
    bought/sold sold/bought allowed/banned banned/allowed higher/lower lower/higher
    larger/smaller smaller/larger biggest/smallest largest/smallest best/worst worst/best
    rise/fall increase/decrease win/lose guilty/innocent innocent/guilty convicted/acquitted
    acquitted/convicted arrived/left survived/died supported/opposed opposed/supported
    praised/criticised criticised/praised welcomed/condemned condemned/welcomed
    agreed/refused confirmed/denied denied/confirmed started/ended began/ended ended/began
    succeeded/failed failed/succeeded legal/illegal illegal/legal private/public public/private
    northern/southern southern/northern eastern/western western/eastern cheap/expensive
    expensive/cheap strong/weak weak/strong rich/poor poor/rich youngest/oldest oldest/youngest
    highest/lowest lowest/highest hired/sacked gained/lost ahead/behind behind/ahead
    earlier/later later/earlier inside/outside outside/inside full/empty safe/dangerous
    easy/difficult difficult/easy success/failure failure/success victory/defeat
    defeat/victory winner/loser increase/cut boosted/cut cut/raised raised/lowered
    lowered/raised""".split()
)
SYNONYMS = dict(
    pair.split("/")
    for pair in """bought/purchased buy/purchase big/large large/big huge/enormous
    children/kids kids/children car/vehicle cars/vehicles film/movie movie/film started/began
    began/started start/begin help/assist helped/assisted shop/store firm/company
    company/firm tried/attempted rapid/fast quick/fast wealthy/rich need/require
    needed/required received/got around/about approximately/about nearly/almost
    almost/nearly mum/mother dad/father doctor/physician doctors/physicians lawyer/attorney
    photo/picture photos/pictures picture/image phone/telephone often/frequently
    stopped/halted home/house homes/houses banned/prohibited allowed/permitted plane/aircraft
    jail/prison jailed/imprisoned injured/hurt match/game boss/manager manager/boss
    warned/cautioned criticised/condemned praised/commended research/study study/research
    scientists/researchers journalist/reporter reporter/journalist country/nation
    important/significant finished/ended ended/finished cash/money main/principal
    shown/revealed showed/revealed hoped/wished discovered/found found/discovered
    chosen/selected chose/selected talks/negotiations buying/purchasing
    fewer/less quickly/rapidly quit/resigned resigned/quit attacked/assaulted
    toddler/child woman/lady statement/announcement
    fire/blaze famous/renowned""".split()
)
CALENDAR = frozenset(WEEKDAYS + MONTHS)
NOT_ISE = tuple(  # words in -ise that have no -ize form: "promise", "raise", "exercise"
    """cru ra pra prom adv ar r w no exerc surpr comprom prem rev superv telev dev advert franch
    merchand enterpr expert prec conc po parad bru gu dem desp exc inc circumc appr""".split()
)
NOT_PEOPLE = frozenset(
    """Day Week Street Road Bridge Hospital School University Club Cup League Park Centre Council
    Party Court Station Airport Festival Awards Trophy Open Championship Games Museum Church
    Dip Lane Square Hall House Trust Service Services Society Union Fund Prize""".split()
)
AUXILIARIES = "is was are were has have had will would can could should does did".split()
CONTRACTIONS = {"didn't": "did", "doesn't": "does", "don't": "do", "isn't": "is",
                "wasn't": "was", "aren't": "are", "weren't": "were", "hasn't": "has",
                "haven't": "have", "hadn't": "had", "won't": "will", "can't": "can",
                "couldn't": "could", "wouldn't": "would", "shouldn't": "should"}  # fmt: skip
NOT_ADVERBS = frozenset(
    """only early family italy july likely daily weekly monthly yearly reply supply apply rally
    ally holy fly rely assembly ugly friendly elderly lonely lovely unlikely silly bully
    anomaly monopoly butterfly belly jelly tally emily kelly holly molly sally billy lily
    reilly riley oily hourly costly deadly nearly july""".split()
)
ADJECTIVES = frozenset(
    """local major large small big huge young senior famous popular historic annual top leading
    veteran prominent serious significant massive tiny brief long short key vital regular
    controversial dramatic special official powerful busy tough rare successful""".split()
)
_NAME = r"[A-Z][a-z’'-]+(?: (?:[A-Z][a-z’'-]+|de|van|von|al))*"
_RUN = re.compile(rf"(?<![\w’'-]){_NAME}")


def names_in(sentence: str, people: set[str]) -> list[tuple[str, str]]:
    """Whole capitalised runs of the sentence (titles, months and weekdays left out; at the
    start only runs of two words or more) with a kind: person, place or organisation;
    ``people`` are the last names of people named in the window."""
    found = []
    for match in _RUN.finditer(sentence):
        words = match.group().split()
        while words and (words[0].lower() in NOT_NAMES or words[0] in CALENDAR):
            words.pop(0)
        if (
            not words
            or any(w in CALENDAR for w in words)
            or (match.start() == 0 and len(words) < 2)
        ):
            continue
        name = " ".join(words)
        kind = "place" if is_place(name) else "person" if words[-1] in people else None
        if kind:
            found.append((name, kind))
    return found


def people_in(window: list[str]) -> set[str]:
    """Last names of people in the window: with a title ("Coach Ana Ruiz", "Mr Ruiz"), or named
    in full once and by the last name alone elsewhere ("Ana Ruiz … Ruiz said")."""
    text = " ".join(" ".join(s.split()) for s in window)
    found = set(re.findall(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir) ([A-Z][a-z’'-]+)", text))
    for person in find_people(text):
        last = person.name.split()[-1]
        alone = len(re.findall(rf"(?<!\w ){re.escape(last)}\b", text)) > 0
        if person.title or (len(person.name.split()) in (2, 3) and alone and
                            not set(person.name.split()) & NOT_PEOPLE):  # fmt: skip
            found.add(last)
    return found


def entity_swap(sentence: str, window: list[str], rng: random.Random) -> str | None:
    people = people_in(window)
    mine = names_in(sentence, people)
    others = {n for s in window if s != sentence for n in names_in(s, people)}
    rng.shuffle(mine)
    taken = set(re.findall(r"\w+", sentence))
    for name, kind in mine:
        pool = sorted(o for o, k in others if k == kind and not set(o.split()) & taken)
        if pool:
            return _replace_word(sentence, name, rng.choice(pool))
    return None


def number(sentence: str, window: list[str], rng: random.Random) -> str | None:
    figures = [m for m in re.finditer(r"(?<![\w.,:£$€])\d{1,3}(?:,\d{3})*(?![\w,.:]\d)", sentence)
               if not re.fullmatch(r"(?:19|20)\d\d", m.group())]  # fmt: skip
    if not figures:
        return None
    match = rng.choice(figures)
    value = int(match.group().replace(",", ""))
    shifted = value * rng.choice((2, 3)) if value < 10 else value + rng.choice((1, -1)) * max(
        1, round(value * rng.choice((0.2, 0.3, 0.5)))
    )  # fmt: skip
    text = f"{shifted:,}" if "," in match.group() else str(shifted)
    return sentence[: match.start()] + text + sentence[match.end() :]


def date(sentence: str, window: list[str], rng: random.Random) -> str | None:
    for names in (WEEKDAYS, MONTHS):
        found = [
            n
            for n in names
            if re.search(rf"(?<![A-Z][a-z] )(?<![A-Z][a-z]{{2}} )\b{n}\b", sentence)
            and not re.search(rf"[A-Z]\w+ {n}\b", sentence)
        ]
        if found:
            old = found[0]
            new = names[(names.index(old) + rng.randint(1, len(names) - 1)) % len(names)]
            return re.sub(rf"\b{old}\b", new, sentence, count=1)
    years = list(re.finditer(r"\b(?:19[5-9]\d|20[0-2]\d)\b", sentence))
    if years:
        match = years[0]
        year = int(match.group()) + rng.choice((-3, -2, -1, 1, 2, 3))
        return sentence[: match.start()] + str(year) + sentence[match.end() :]
    return None


def negation(sentence: str, window: list[str], rng: random.Random) -> str | None:
    for contraction, plain in CONTRACTIONS.items():
        if re.search(rf"\b{contraction}\b", sentence, re.IGNORECASE):
            return re.sub(rf"\b{contraction}\b", plain, sentence, count=1, flags=re.IGNORECASE)
    if re.search(r"\b(?:not|never) ", sentence):
        return re.sub(r"\b(?:not|never) ", "", sentence, count=1)
    match = re.search(rf"\b({'|'.join(AUXILIARIES)}) (?!not\b)([a-z]+)", sentence)
    if match is None:
        return None
    return sentence[: match.end(1)] + " not" + sentence[match.end(1) :]


def antonym(sentence: str, window: list[str], rng: random.Random) -> str | None:
    return _swap_from(sentence, OPPOSITES, rng)


def roles(sentence: str, window: list[str], rng: random.Random) -> str | None:
    pattern = (
        rf"(?<![\w’'-])({_NAME}) ((?:[a-z]+ )?[a-z]{{2,}}(?:ed|s)) ({_NAME})"
        r"(?=[.,;]| (?:in|on|at|for|with|to|from|by|after|before|during|and|as|over|"
        r"last|this|since)\b)"
    )
    for match in re.finditer(pattern, sentence):
        a, verb, b = match.group(1), match.group(2), match.group(3)
        if a == b or is_place(a) or is_place(b) or re.search(r"\b(?:and|or|of|in)\b", verb):
            continue
        if a.split()[0] in ("The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It"):
            continue
        if verb.split()[-1] in ("is", "was", "has", "does", "as", "this", "his", "its"):
            continue
        return sentence[: match.start()] + f"{b} {verb} {a}" + sentence[match.end() :]
    return None


def synonym(sentence: str, window: list[str], rng: random.Random) -> str | None:
    return _swap_from(sentence, SYNONYMS, rng)


def reorder(sentence: str, window: list[str], rng: random.Random) -> str | None:
    lead = re.match(r"(?P<lead>(?:On|In|At|During|After|Before|Last|Earlier|Later|Since) "
                    r"[^,]{3,40}), (?P<rest>[A-Za-z].+?)\.$", sentence)  # fmt: skip
    if lead:
        rest, phrase = lead.group("rest"), lead.group("lead")
        return rest[0].upper() + rest[1:] + " " + phrase[0].lower() + phrase[1:] + "."
    pair = re.search(rf"\b({_NAME}) and ({_NAME})\b", sentence)
    if pair and pair.start() > 0:
        a, b = pair.group(1), pair.group(2)
        return sentence[: pair.start()] + f"{b} and {a}" + sentence[pair.end() :]
    tail = re.match(r"(?P<rest>[A-Z][^,]+?) (?P<tail>(?:on|in|last) (?:[A-Z][a-z]+day|"
                    rf"{'|'.join(MONTHS)}|week|month|year|\d{{4}}))\.$", sentence)  # fmt: skip
    if tail:
        rest = tail.group("rest")
        first = rest if _named(rest.split(" ", 1)[0], window) else rest[0].lower() + rest[1:]
        return tail.group("tail")[0].upper() + tail.group("tail")[1:] + ", " + first + "."
    return None


def passive(sentence: str, window: list[str], rng: random.Random) -> str | None:
    match = re.match(rf"(?P<subj>(?:The )?{_NAME}) (?P<verb>[a-z]+ed) (?P<obj>(?:the|a|an|his|"
                     r"her|their|its) [a-z]+(?: (?!(?:in|on|at|to|for|with|from|by|of|and|"
                     r"after|before|during|over|as)\b)[a-z]+)?)(?P<rest>(?: (?:in|on|at|for|with|"
                     r"after|before|during|over|as|from|to)\b.*?)?)\.$", sentence)  # fmt: skip
    if match is None or match.group("verb") in ("used", "need", "seed"):
        return None
    if match.group("subj").split()[0] in ("He", "She", "It", "They", "We", "I", "But", "And"):
        return None
    obj = match.group("obj")
    be = "were" if obj.split()[-1].endswith("s") else "was"
    subj = match.group("subj")
    if subj.startswith("The "):
        subj = "the " + subj[4:]
    return (f"{obj[0].upper()}{obj[1:]} {be} {match.group('verb')} by {subj}"
            f"{match.group('rest')}.")  # fmt: skip


def drop_modifier(sentence: str, window: list[str], rng: random.Random) -> str | None:
    apposition = re.search(rf"({_NAME}), (?:\d{{1,2}}|[a-z][^,]{{3,50}}), ", sentence)
    if apposition and not re.search(r"\b(?:said|says|and)\b", apposition.group()):
        return sentence[: apposition.end(1)] + " " + sentence[apposition.end() :]
    words = sentence.split(" ")
    candidates = [i for i, w in enumerate(words[1:-1], start=1)
                  if _droppable(w) and words[i + 1][:1].islower()]  # fmt: skip
    if not candidates:
        return None
    index = rng.choice(candidates)
    return " ".join(words[:index] + words[index + 1 :])


def spelling(sentence: str, window: list[str], rng: random.Random) -> str | None:
    for match in re.finditer(r"\b([a-z]{3,})is(e|ed|es|ing|ation)\b", sentence):
        if not match.group(1).endswith(NOT_ISE):
            return sentence[: match.start()] + f"{match.group(1)}iz{match.group(2)}" + sentence[
                match.end() :
            ]  # fmt: skip
    rules = ((r"\b(colo|favo|labo|hono|humo|neighbo|behavio|harbo|rumo)ur(s|ed|ing|ite)?\b",
              r"\1r\2"), (r"\b(cen|thea|met|lit)tre(s)?\b", r"\1ter\2"))  # fmt: skip
    for pattern, replacement in rules:
        changed = re.sub(pattern, replacement, sentence, count=1)
        if changed != sentence:
            return changed
    return None


MEANING_CHANGING = {"entity_swap": entity_swap, "number": number, "date": date,
                    "negation": negation, "antonym": antonym, "roles": roles}  # fmt: skip
MEANING_KEEPING = {"synonym": synonym, "reorder": reorder, "passive": passive,
                   "drop_modifier": drop_modifier, "spelling": spelling}  # fmt: skip


def _swap_from(sentence: str, table: dict[str, str], rng: random.Random) -> str | None:
    found = [w for w in table if re.search(rf"(?<![\w-]){w}(?![\w-])", sentence)]
    if not found:
        return None
    word = rng.choice(sorted(found))
    return re.sub(rf"(?<![\w-]){word}(?![\w-])", table[word], sentence, count=1)


def _replace_word(sentence: str, old: str, new: str) -> str:
    return re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, sentence, count=1)


def _droppable(word: str) -> bool:
    plain = word.strip(",.;:")
    if plain != word or not plain.isalpha() or not plain.islower():
        return False
    adverb = plain.endswith("ly") and len(plain) >= 6 and plain not in NOT_ADVERBS
    return adverb or plain in ADJECTIVES


def _named(word: str, window: list[str]) -> bool:
    """Whether the window writes ``word`` with a capital inside a sentence (a name)."""
    return any(re.search(rf"[a-z,] {re.escape(word)}\b", s) for s in window)
