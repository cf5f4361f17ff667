"""Repetition within one article: repeated phrases, near-duplicate sentences,
repeated paragraph openers, overused intensifiers, and the sentence adverb "Though,".

All rules here work on a private tokenisation of `doc.prose` (words with inner
apostrophes and hyphens, numbers such as "1.5C"), normalised to lowercase with
curly and straight apostrophes alike. Phrases never cross a sentence boundary or
any punctuation between two words (a comma, colon, dash, quote or bracket).
Every rule runs in time linear in the article (n-gram counting, a capped
inverted index of word pairs for sentence similarity). The article is tokenised
once (`_runs`), and the usual case, nothing to report, is settled by C-level
counting and set operations before any per-word Python loop.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Iterable, NamedTuple

from ..diagnostic import Finding, Severity
from ..document import PARAGRAPH, Document, Sentence
from ..rule import Example, Option, Rule, RuleContext

# --- shared helpers (candidates for newslint/document.py) ---------------------------

# A word: letters/digits joined by inner apostrophes or hyphens; digits may be
# joined by "." or "," ("1.5C", "1,000").
_TOKEN = re.compile(r"[^\W_]+(?:(?:['\u2019\u2018\-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
# A run: words with only whitespace between them, i.e. letters/digits joined by
# whitespace or by what joins them inside a word (a lone space tried first: it is
# the common case, and cheaper than \s+). Matches are greedy and need nothing
# after them, so a run's words are the ones `_TOKEN` finds there, and
# `str.split()` recovers them (a word holds no whitespace).
_RUN = re.compile(r"[^\W_]+(?:(?:[ '\u2019\u2018\-]|\s+|(?<=\d)[.,](?=\d))[^\W_]+)*")
# Set between runs and between sentences in a list of words: not words, so no
# phrase or word pair spans one.
_RUN_BREAK = "\x00"
_SENTENCE_BREAK = "\x01"
_BREAKS = frozenset({_RUN_BREAK, _SENTENCE_BREAK})


def _fold_apostrophes(text: str) -> str:
    """Curly and modifier apostrophes as "'" (str.replace is far faster than str.translate)."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def _norm(word: str) -> str:
    return _fold_apostrophes(word.lower())


def _joined_runs(doc: Document, runs_of: Callable[[Sentence], list[str]]) -> str:
    """Each sentence's runs (as `runs_of` gives them), a break word between runs and between sentences."""
    return f" {_SENTENCE_BREAK} ".join([f" {_RUN_BREAK} ".join(runs_of(s)) for s in doc.sentences])


class _Runs(NamedTuple):
    """Every sentence's runs of words as one string, in `_joined_runs` form."""

    written: str  # `_joined_runs` of the prose
    normalised: str  # the same with every word as `_norm` makes it


def _runs(doc: Document) -> _Runs:
    """The article's runs of words, found once per document."""
    cached = doc.__dict__.get("_newslint_repetition_runs")
    if cached is None:
        prose = doc.prose
        written = _joined_runs(doc, lambda s: _RUN.findall(prose, s.start, s.end))
        # Words are separated by whitespace here, so lowercasing the whole string treats
        # each word as `_norm` does (a final sigma only looks across letters and marks).
        cached = _Runs(written, _fold_apostrophes(written.lower()))
        doc.__dict__["_newslint_repetition_runs"] = cached
    return cached


def _sentence_words(doc: Document) -> list[list[str]]:
    """Normalised words of each sentence."""
    text = _runs(doc).normalised.replace(f" {_RUN_BREAK} ", " ")
    return [part.split() for part in text.split(_SENTENCE_BREAK)]


def _phrase_words(doc: Document) -> list[str]:
    """Normalised words of the article in order, a break word between runs and between sentences."""
    prose = doc.prose
    if "\u03a3" in prose and len(doc.lowered_prose) == len(prose):
        # NL501 has always cut its words from the lowercased prose when that keeps
        # offsets; that differs from lowering word by word only for a capital sigma,
        # whose final form depends on the letters around it.
        lowered = doc.lowered_prose
        return _fold_apostrophes(_joined_runs(doc, lambda s: [
            lowered[m.start():m.end()] for m in _RUN.finditer(prose, s.start, s.end)])).split()
    return _runs(doc).normalised.split()


def _word_spans(doc: Document, words: list[str]) -> list[tuple[int, int]]:
    """Prose (start, end) of each word of `words` (from `_phrase_words`), (0, 0) at each break."""
    prose = doc.prose
    spans = (m.span() for s in doc.sentences for m in _TOKEN.finditer(prose, s.start, s.end))
    return [(0, 0) if w in _BREAKS else next(spans) for w in words]


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


def _name_words(words: list[str], texts: list[str]) -> frozenset[str]:
    """Normalised words written capitalised more often than not (outside sentence starts)."""
    caps: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for i, (word, text) in enumerate(zip(words, texts)):
        ch = text[0]  # a break is neither upper nor alpha
        if ch.isupper():
            if not _starts_sentence(texts, i) or sum(c.isupper() for c in text) > 1:
                caps[word] += 1
        elif ch.isalpha():
            lower[word] += 1
    return frozenset(w for w, n in caps.items() if n > lower[w])


def _starts_sentence(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] == _SENTENCE_BREAK


def _is_content(word: str, names: frozenset[str]) -> bool:
    return word not in _STOP and word not in names and not word[0].isdigit() and len(word) > 1


def _next_is_number(words: list[str], i: int) -> bool:
    """Whether words[i] continues the run of words[i - 1] (a break is no digit) and starts with a digit."""
    return i < len(words) and words[i][0].isdigit()


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
        # Every reported phrase starts with a min_words-gram used min_count times:
        # find those first (one C-level count), and skip the article when there are none.
        words = _phrase_words(doc)
        base_counts = Counter(zip(*[words[k:] for k in range(min_words)]))
        if max(base_counts.values(), default=0) < min_count:
            return
        frequent = {g for g, c in base_counts.items() if c >= min_count and _BREAKS.isdisjoint(g)}
        if not frequent:
            return
        # The words as written, in step with `words` (lowercasing adds or drops no space).
        texts = _runs(doc).written.split()
        names = _name_words(words, texts)

        # Count n-grams; keep positions (index of the first word).
        grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, base in enumerate(zip(*[words[k:] for k in range(min_words)])):
            if base not in frequent or base[0] in _BAD_FIRST:
                continue
            for n in range(min_words, max_words + 1):
                key = tuple(words[i:i + n])
                if len(key) < n or key[-1] in _BREAKS:
                    break
                grams[key].append(i)

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
            if all(_next_is_number(words, p + len(key)) for p in kept):
                continue
            candidates.append((key, kept))
        if not candidates:
            return
        spans = _word_spans(doc, words)
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
            lines = [_line(doc, spans[p][0]) for p in kept]
            at = kept[min_count - 1]
            start, end = spans[at][0], spans[at + n - 1][1]
            phrase = doc.text[spans[kept[0]][0]:spans[kept[0] + n - 1][1]]
            phrase = " ".join(phrase.split())
            if phrase[:1].isupper() and _starts_sentence(words, kept[0]) and phrase.split()[0].lower() not in names:
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
        for sentence, words in zip(doc.sentences, _sentence_words(doc)):
            if len(words) < min_words:
                continue
            shingles.append(frozenset(zip(words, words[1:])))
            spans.append((sentence.start, sentence.end))
        seen: set[tuple[str, str]] = set()  # word pairs of the sentences before
        index: dict[tuple[str, str], list[int]] = defaultdict(list)
        indexed = 0  # the sentences before this one are in `index`
        for i, sh in enumerate(shingles):
            # No earlier sentence shares more of this one's pairs than all of them
            # together, so similarity is at most this share: most sentences stop here.
            out_of_reach = sh and len(sh & seen) / len(sh) < threshold
            seen |= sh
            if out_of_reach:
                continue
            for j in range(indexed, i):
                for pair in shingles[j]:
                    index[pair].append(j)
            indexed = i
            shared: Counter[int] = Counter()
            for pair in sh:
                shared.update(index[pair][-self._MAX_POSTING:])
            best = None
            # Ties go to the earlier sentence, so the result never depends on set order (hash seed).
            candidates = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:self._MAX_CANDIDATES]
            for j, _ in candidates:
                other = shingles[j]
                union = len(sh | other)
                sim = len(sh & other) / union if union else 0.0
                if sim >= threshold and (best is None or sim > best[1] or (sim == best[1] and j < best[0])):
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
        # A word used min_count times occurs at least as often in the lowercased prose
        # (a sigma aside: lowering the whole text picks its final form by context),
        # so most articles stop here without tokenising.
        lowered = _fold_apostrophes(doc.lowered_prose)
        if not any(lowered.count(w) >= min_count or "\u03c3" in w or "\u03c2" in w for w in words):
            return
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
        if "hough," not in prose:  # a substring test is far cheaper than trying \b at every offset
            return
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
