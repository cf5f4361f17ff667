"""Repetition within one article: repeated phrases, near-duplicate sentences,
repeated paragraph openers, overused intensifiers, and the sentence adverb "Though,".

All rules here work on a private tokenisation of `doc.prose` (words with inner
apostrophes and hyphens, numbers such as "1.5C"), normalised to lowercase with
curly and straight apostrophes alike. Phrases never cross a sentence boundary or
any punctuation between two words (a comma, colon, dash, quote or bracket).
Every rule runs in time linear in the article (n-gram counting, a capped
inverted index of word pairs for sentence similarity).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Iterator, NamedTuple

from ..diagnostic import Finding, Severity
from ..document import PARAGRAPH, Document
from ..rule import Example, Option, Rule, RuleContext

# --- shared helpers (candidates for newslint/document.py) ---------------------------

# A word: letters/digits joined by inner apostrophes or hyphens; digits may be
# joined by "." or "," ("1.5C", "1,000").
_TOKEN = re.compile(r"[^\W_]+(?:(?:['\u2019\u2018\-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _norm(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


class _Tok(NamedTuple):
    """A word; a NamedTuple because articles have thousands and frozen dataclasses build slowly."""

    start: int
    end: int
    norm: str
    text: str
    initial: bool  # first word of its sentence


def _runs(doc: Document) -> list[list[_Tok]]:
    """Runs of words inside one sentence with only spaces between them."""
    cached = doc.__dict__.get("_newslint_repetition_runs")
    if cached is not None:
        return cached
    prose = doc.prose
    # Normalise the whole text once when lowercasing keeps offsets (it nearly always does).
    lowered = doc.lowered_prose.translate(_APOSTROPHES)
    same_length = len(lowered) == len(prose)
    runs: list[list[_Tok]] = []
    for sentence in doc.sentences:
        run: list[_Tok] = []
        prev_end = None
        first = True
        for m in _TOKEN.finditer(prose, sentence.start, sentence.end):
            if prev_end is not None and not prose[prev_end:m.start()].isspace():
                if run:
                    runs.append(run)
                run = []
            a, b = m.span()
            run.append(_Tok(a, b, lowered[a:b] if same_length else _norm(m.group()), m.group(), first))
            first = False
            prev_end = m.end()
        if run:
            runs.append(run)
    try:
        doc.__dict__["_newslint_repetition_runs"] = runs
    except (AttributeError, TypeError):  # pragma: no cover - a slotted Document
        pass
    return runs


def _sentence_words(doc: Document) -> Iterator[tuple[int, int, list[str]]]:
    """(start, end, normalised words) of each sentence."""
    prose = doc.prose
    for s in doc.sentences:
        yield s.start, s.end, [_norm(m.group()) for m in _TOKEN.finditer(prose, s.start, s.end)]


# Function words and words too generic in news copy to make a phrase "content".
_STOP = frozenset(
    """a an the and or but nor so yet if then than that this these those there here which who whom whose
    what when where why how whether while as at by for from in into of off on onto out over to up upon
    with within without about above across after against along among amid around before behind below
    beneath beside besides between beyond despite during except inside like near since through
    throughout toward towards under until unlike via per
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    one ones oneself itself himself herself themselves ourselves myself yourself
    be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must ought
    not no nor only also just even still very too more most much many some any all each every both few
    other another such same own several either neither else ever never again already always often
    said says say saying told tell tells according reported added
    s t d ll re ve m mr mrs ms dr
    """.split()
)
# A phrase may not start with these (a conjunction or relative word leads into it).
_BAD_FIRST = frozenset(
    """and or but nor so yet if than that which who whom whose while as is are was were be been being
    has have had do does did will would shall should can could may might must it its their his her
    they he she we i you this these those there s""".split()
)
# ... nor end with these (the phrase would run into what follows).
_BAD_LAST = frozenset(
    """a an the and or but nor so yet if than which who whom whose while is are was were be been being
    has have had do does did will would shall should can could may might must its their his her our
    your my this these those there very more most such other another some any all each every both
    not no also just even s""".split()
)


def _name_words(runs: list[list[_Tok]]) -> frozenset[str]:
    """Normalised words written capitalised more often than not (outside sentence starts)."""
    caps: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for run in runs:
        for t in run:
            ch = t.text[0]
            if ch.isupper():
                if not t.initial or sum(c.isupper() for c in t.text) > 1:
                    caps[t.norm] += 1
            elif ch.isalpha():
                lower[t.norm] += 1
    return frozenset(w for w, n in caps.items() if n > lower[w])


def _is_content(word: str, names: frozenset[str]) -> bool:
    return word not in _STOP and word not in names and not word[0].isdigit() and len(word) > 1


def _next_is_number(flat: list[_Tok], i: int, runs_end: list[int]) -> bool:
    """Whether flat[i] continues the run of flat[i - 1] and starts with a digit."""
    return i < len(flat) and i < runs_end[i - 1] and flat[i].norm[0].isdigit()


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset)[0]


# --- NL501 ------------------------------------------------------------------------


class RepeatedPhrase(Rule):
    """Report a phrase of three or more words used three or more times in one article.

    What it does:
        Counts every phrase of 3 to 8 consecutive words inside a sentence
        (case and apostrophe style ignored) and reports each phrase used
        `min-count` times or more, once, at the use that reaches the count;
        the message names the first use and the finding's data lists every
        line. Only the longest such phrase is reported, not the shorter
        phrases inside it.

        Not counted, because news copy repeats them by necessity:
        - phrases of names and function words ("between the US and Russia",
          "in the region"): a phrase needs two content words, and three when
          it is only three words long or contains a name, so the short terms
          that name an article's subject ("the bus ambush", "the housing
          sector", "an Australian head of state") pass;
        - phrases beginning with a conjunction or relative word, or ending
          with an article or auxiliary (the phrase inside them is counted);
        - a phrase followed by a number at every use, the formula of a
          results list ("crossed the line at 9:30am ... at 2:15am").

    Why is this bad?
        Generated copy recycles stock phrases ("pave the way for", "a lasting
        peace deal") paragraph after paragraph; readers notice the loop and
        stop trusting the text.

    Fix safety:
        No fix: rewording needs an editor.

    Options:
        min-count: how many uses of a phrase are reported (default 3).
        min-words: the shortest phrase counted, in words (default 3, at most 8).
    """

    code = "NL501"
    name = "repeated-phrase"
    severity = Severity.WARNING
    category = "repetition"
    fix_applicability = "none"
    options = {
        "min-count": Option(3, "Report a phrase used this many times or more", int),
        "min-words": Option(3, "Shortest phrase counted, in words (3 to 8)", int),
    }
    bad_examples = (
        Example("Talks could pave the way for a deal.\nAid may pave the way for calm.\n"
                "Trust will pave the way for peace.\n"),
        Example("Both sides want a lasting peace deal. A lasting peace deal needs trust.\n"
                "Without trust, a lasting peace deal is out of reach.\n"),
        Example("Prices put upward pressure on wages. Wages put upward pressure on rents. "
                "Rents put upward pressure on prices.\n"),
    )
    good_examples = (
        Example("Talks could pave the way for a deal.\nAid may pave the way for calm.\n"),
        Example("Trust between the US and Russia is low. Talks between the US and Russia stalled. "
                "Trade between the US and Russia fell.\n"),
        Example("Rain fell in the region. Winds rose in the region. Roads closed in the region.\n"),
        Example("The peace deal was signed. The deal was lasting. Peace was the goal.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        min_count = max(2, int(ctx.options.get("min-count", 3)))
        min_words = min(8, max(2, int(ctx.options.get("min-words", 3))))
        max_words = 8
        runs = _runs(doc)
        if not runs:
            return
        # Every reported phrase starts with a min_words-gram used min_count times:
        # find those first (cheap), and skip the article when there are none.
        norm_runs = [[t.norm for t in run] for run in runs]
        base_counts: Counter[tuple[str, ...]] = Counter(
            tuple(norms[i:i + min_words]) for norms in norm_runs for i in range(len(norms) - min_words + 1))
        frequent = {g for g, c in base_counts.items() if c >= min_count}
        if not frequent:
            return
        names = _name_words(runs)
        # Global token list: (run index, index in run) -> flat index.
        flat: list[_Tok] = []
        run_offset: list[int] = []
        runs_end: list[int] = []  # flat index -> end (exclusive) of its run
        for run in runs:
            run_offset.append(len(flat))
            flat.extend(run)
            runs_end.extend([len(flat)] * len(run))

        # Count n-grams; keep positions (flat index of the first word).
        grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for r, norms in enumerate(norm_runs):
            base = run_offset[r]
            for i in range(len(norms)):
                if norms[i] in _BAD_FIRST or tuple(norms[i:i + min_words]) not in frequent:
                    continue
                for n in range(min_words, min(max_words, len(norms) - i) + 1):
                    grams[tuple(norms[i:i + n])].append(base + i)

        candidates = []
        for key, positions in grams.items():
            if len(positions) < min_count or key[-1] in _BAD_LAST:
                continue
            content = sum(_is_content(w, names) for w in key)
            # Three words must all be content words ("heavily regulated industries");
            # longer phrases need two ("pave the way for"). Short referring phrases
            # such as "the bus ambush" or "the housing sector" are how news copy
            # names its subject, not a tic.
            if content < 2 or (len(key) < 4 and content < 3):
                continue
            # A phrase with a name in it designates something ("an Australian
            # head of state", "the Reserve Bank of"): it needs three content words.
            if content < 3 and any(w in names for w in key):
                continue
            # Non-overlapping uses only ("very very very" is not three uses).
            kept: list[int] = []
            for p in positions:
                if not kept or p >= kept[-1] + len(key):
                    kept.append(p)
            if len(kept) < min_count:
                continue
            # Always followed by a number: a formula for reporting data
            # ("crossed the line at 9:30am ... at 2:15am"), not a tic.
            if all(_next_is_number(flat, p + len(key), runs_end) for p in kept):
                continue
            candidates.append((key, kept))
        # Longest phrase first; shorter phrases inside reported ones are dropped.
        candidates.sort(key=lambda c: (-len(c[0]), c[1][0]))
        covered: set[int] = set()
        findings = []
        for key, kept in candidates:
            n = len(key)
            free = [p for p in kept if not any(q in covered for q in range(p, p + n))]
            if len(free) < min_count:
                continue
            for p in kept:
                covered.update(range(p, p + n))
            lines = [_line(doc, flat[p].start) for p in kept]
            at = kept[min_count - 1]
            start, end = flat[at].start, flat[at + n - 1].end
            phrase = doc.text[flat[kept[0]].start:flat[kept[0] + n - 1].end]
            phrase = " ".join(phrase.split())
            if phrase[:1].isupper() and flat[kept[0]].initial and phrase.split()[0].lower() not in names:
                phrase = phrase[0].lower() + phrase[1:]
            findings.append(self.finding(
                start, end,
                f"'{phrase}' is used {len(kept)} times (first on line {lines[0]})",
                phrase=" ".join(key), count=len(kept), first_line=lines[0], lines=lines,
            ))
        findings.sort(key=lambda f: f.start)
        yield from findings


# --- NL502 ------------------------------------------------------------------------


class NearDuplicateSentence(Rule):
    """Report a sentence that nearly repeats an earlier sentence of the article.

    What it does:
        Compares sentences of eight or more words by the overlap of their
        word pairs (Jaccard similarity of 2-word shingles, case and
        punctuation ignored) and reports the later one when the similarity
        reaches `threshold`.

    Why is this bad?
        A generator that loses track of what it has written restates the same
        point in almost the same words; an editor would cut one of them.

    Fix safety:
        No fix: which sentence to keep is an editorial choice.

    Options:
        threshold: similarity from 0 to 1 at which sentences count as near
            duplicates (default 0.6).
        min-words: shortest sentence compared, in words (default 8).
    """

    code = "NL502"
    name = "near-duplicate-sentence"
    severity = Severity.WARNING
    category = "repetition"
    fix_applicability = "none"
    options = {
        "threshold": Option(0.6, "Jaccard similarity of word pairs at which sentences are near duplicates",
                            (int, float)),
        "min-words": Option(8, "Shortest sentence compared, in words", int),
    }
    bad_examples = (
        Example("The minister said the talks would resume in Geneva next week. Aid is flowing. "
                "The minister said the talks would resume in Geneva next month.\n"),
        Example("Trust between the two nations remains the key to any lasting agreement on the border.\n"
                "Markets were calm.\n"
                "Trust between the two nations remains the key to a lasting agreement on the border.\n"),
        Example("- Regular meetings between officials can help clarify intentions and reduce fears.\n"
                "- Regular meetings between officials can help clarify intentions and reduce tension.\n"),
    )
    good_examples = (
        Example("The minister said the talks would resume in Geneva next week. "
                "The opposition said the vote would be delayed until the spring session.\n"),
        Example("Prices rose. Prices rose. Prices rose again.\n"),
        Example("The central bank held rates at 5 percent on Tuesday, citing sticky inflation. "
                "The central bank in Japan raised rates on Wednesday for the first time in years.\n"),
    )

    _MAX_POSTING = 40  # a word pair seeds comparisons with its latest 40 sentences only
    _MAX_CANDIDATES = 30  # per sentence, the most-overlapping earlier sentences compared

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        threshold = float(ctx.options.get("threshold", 0.6))
        min_words = int(ctx.options.get("min-words", 8))
        shingles: list[frozenset[tuple[str, str]]] = []
        spans: list[tuple[int, int]] = []
        for start, end, words in _sentence_words(doc):
            if len(words) < min_words:
                continue
            shingles.append(frozenset(zip(words, words[1:])))
            spans.append((start, end))
        index: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, sh in enumerate(shingles):
            shared: Counter[int] = Counter()
            for pair in sh:
                posting = index[pair]
                shared.update(posting[-self._MAX_POSTING:])
                posting.append(i)
            best = None
            for j, _ in shared.most_common(self._MAX_CANDIDATES):
                other = shingles[j]
                union = len(sh | other)
                sim = len(sh & other) / union if union else 0.0
                if sim >= threshold and (best is None or sim > best[1]):
                    best = (j, sim)
            if best is not None:
                j, sim = best
                start, end = spans[i]
                first_line = _line(doc, spans[j][0])
                yield self.finding(start, end,
                                   f"Sentence nearly repeats the one on line {first_line} "
                                   f"(similarity {sim:.2f})",
                                   first_line=first_line, similarity=round(sim, 3))


# --- NL503 ------------------------------------------------------------------------

_OPENER_EXEMPT = frozenset({("he", "said"), ("she", "said"), ("they", "said"), ("it", "said")})


class RepeatedParagraphOpener(Rule):
    """Report three or more paragraphs that open with the same words.

    What it does:
        Takes the first two words of each paragraph (or the first word when
        a comma follows it, as in "Moreover,") and reports an opening used by
        `min-count` paragraphs or more, once, at the paragraph that reaches
        the count. List items, headings and table rows are not paragraphs.

    Why is this bad?
        Paragraph after paragraph opening "In a ..." or "Moreover, ..." is a
        template showing through; readers skim past formulaic openings.

    Fix safety:
        No fix: each opening needs rewriting by hand.

    Options:
        min-count: how many paragraphs with the same opening are reported
            (default 3).
    """

    code = "NL503"
    name = "repeated-paragraph-opener"
    severity = Severity.INFO
    category = "repetition"
    fix_applicability = "none"
    options = {"min-count": Option(3, "Report an opening shared by this many paragraphs", int)}
    bad_examples = (
        Example("In a statement, the minister spoke.\n\nIn a separate move, aid arrived.\n\n"
                "In a sign of progress, talks resumed.\n", markdown=True),
        Example("Moreover, prices rose.\nMoreover, wages fell.\nMoreover, rents climbed.\n"),
        Example("As the talks resumed, hopes rose.\nAs the week ended, hopes faded.\n"
                "As the summit opened, protests began.\n"),
    )
    good_examples = (
        Example("In a statement, the minister spoke.\nIn recent days, aid arrived.\n"
                "In light of this, talks resumed.\n"),
        Example("Moreover, prices rose.\nMoreover, wages fell.\nRents climbed too.\n"),
        Example("- In a word: yes.\n- In a word: no.\n- In a word: maybe.\n"),
        Example("He said the talks failed.\nHe said aid would come.\nHe said more was needed.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        min_count = max(2, int(ctx.options.get("min-count", 3)))
        prose = doc.prose
        seen: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for block in doc.blocks:
            if block.kind != PARAGRAPH:
                continue
            m1 = _TOKEN.match(prose, block.content_start, block.end)
            if not m1:
                continue
            after = prose[m1.end():m1.end() + 1]
            if after == ",":
                key: tuple[str, ...] = (_norm(m1.group()), ",")
                end = m1.end() + 1
            else:
                m2 = _TOKEN.match(prose, m1.end() + 1, block.end) if after == " " else None
                if not m2:
                    continue
                key = (_norm(m1.group()), _norm(m2.group()))
                end = m2.end()
            if key not in _OPENER_EXEMPT:
                seen[key].append((block.content_start, end))
        findings = []
        for key, uses in seen.items():
            if len(uses) < min_count:
                continue
            opener = doc.text[uses[0][0]:uses[0][1]]
            lines = [_line(doc, s) for s, _ in uses]
            start, end = uses[min_count - 1]
            findings.append(self.finding(
                start, end,
                f"{len(uses)} paragraphs open with '{opener}' (first on line {lines[0]})",
                opener=" ".join(key).replace(" ,", ","), count=len(uses), first_line=lines[0], lines=lines))
        findings.sort(key=lambda f: f.start)
        yield from findings


# --- NL504 ------------------------------------------------------------------------

_INTENSIFIERS = (
    "crucial crucially pivotal paramount vital vitally essential critical critically key significant "
    "significantly profound profoundly intricate robust seamless seamlessly unprecedented delve delves "
    "delving underscore underscores underscored"
)


class IntensifierOveruse(Rule):
    """Report an intensifier ("crucial", "pivotal", "paramount") used too often in one article.

    What it does:
        Counts each word of `words` (by default the stock intensifiers of
        generated copy: crucial, pivotal, paramount, vital, essential,
        critical, key, significant, profound, intricate, robust, seamless,
        unprecedented, delve, underscore) and reports a word once, at the use
        that reaches `min-count`.

    Why is this bad?
        When everything is "crucial" and "pivotal", nothing is; the words
        are tell-tales of machine-written copy and drain it of meaning.

    Fix safety:
        No fix: the right plain word depends on the sentence.

    Options:
        min-count: uses of the same word that are reported (default 4).
        words: the words counted, separated by spaces.

    Off by default: a careful human writer rarely uses one of these four
    times, but some do, and the seed article's five "crucial"s are not in the
    gold annotations. Turn it on with `extend-select = ["NL504"]`.
    """

    code = "NL504"
    name = "intensifier-overuse"
    severity = Severity.INFO
    category = "repetition"
    fix_applicability = "none"
    default_enabled = False
    options = {
        "min-count": Option(4, "Report an intensifier used this many times", int),
        "words": Option(_INTENSIFIERS, "Words counted, separated by spaces", str),
    }
    bad_examples = (
        Example("Trust is crucial. Aid is crucial. Time is crucial. Unity is crucial.\n"),
        Example("A pivotal week. A pivotal vote. A pivotal deal. A pivotal role.\n"),
        Example("It is vital.\nIt is Vital.\nIt is vital.\nIt is vital.\n"),
    )
    good_examples = (
        Example("Trust is crucial. Aid is crucial. Time is crucial.\n"),
        Example("A pivotal week. A crucial vote. A vital deal. A key role.\n"),
        Example("The cruciality of trust, the crucible of war, the crucifix on the wall and the crucifixion.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        min_count = max(1, int(ctx.options.get("min-count", 4)))
        words = frozenset(_norm(w) for w in str(ctx.options.get("words", _INTENSIFIERS)).split())
        uses: dict[str, list[re.Match[str]]] = defaultdict(list)
        for m in _TOKEN.finditer(doc.prose):
            w = _norm(m.group())
            if w in words:
                uses[w].append(m)
        findings = []
        for w, found in uses.items():
            if len(found) < min_count:
                continue
            at = found[min_count - 1]
            first_line = _line(doc, found[0].start())
            findings.append(self.finding(
                at.start(), at.end(),
                f"'{at.group()}' is used {len(found)} times (first on line {first_line})",
                word=w, count=len(found), first_line=first_line,
                lines=[_line(doc, m.start()) for m in found]))
        findings.sort(key=lambda f: f.start)
        yield from findings


# --- NL505 ------------------------------------------------------------------------

_THOUGH = re.compile(r"\b([Tt])hough,")


class SentenceInitialThough(Rule):
    """Report "Though," opening a sentence as if it meant "However,".

    What it does:
        Flags "Though," (with a comma) as the first word of a sentence,
        heading or list item, including right after a glued full stop
        ("collaboration.Though, ...").

    Why is this bad?
        "Though" opening a sentence is a conjunction and needs a clause
        ("Though the talks failed, ..."); as a sentence adverb followed by a
        comma it is a clumsy calque of "However," that editors correct.

    Fix safety:
        Replacing "Though," with "However," is offered as an unsafe fix:
        "Still," or "Yet" may fit the sentence better.
    """

    code = "NL505"
    name = "sentence-initial-though"
    severity = Severity.WARNING
    category = "style"
    fix_applicability = "unsafe"
    bad_examples = (
        Example("Talks resumed. Though, the path to peace remains fraught.",
                "Talks resumed. However, the path to peace remains fraught."),
        Example("Aid arrived.Though, fighting went on.", "Aid arrived.However, fighting went on."),
        Example("Though, nobody expected a deal.", "However, nobody expected a deal."),
    )
    good_examples = (
        Example("Though the talks failed, both sides agreed to meet again."),
        Example("It was, though, too late for a deal."),
        Example("Even though, as expected, the talks failed, aid arrived."),
        Example("The deal held, though, for a week."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose = doc.prose
        starts = doc.unit_starts
        for m in _THOUGH.finditer(prose):
            s = m.start()
            if s not in starts and not re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", prose[max(0, s - 4):s]):
                continue
            word = "However," if m.group(1) == "T" else "however,"
            yield self.finding(s, m.end(),
                               f"'{m.group()}' opens a sentence as an adverb; use 'However,' or 'Still,'",
                               self.fix(s, m.end(), word, f"Replace with '{word}'", safe=False))


RULES: list = [RepeatedPhrase, NearDuplicateSentence, RepeatedParagraphOpener, IntensifierOveruse,
               SentenceInitialThough]
