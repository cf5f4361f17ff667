"""Generation artifacts: defects human copy never has and a generation pipeline must catch.

Truncated endings, chat-assistant preambles and sign-offs, leaked prompt text,
a whole article wrapped in a code fence or quotes, duplicated paragraphs and
headings left as plain text in Markdown.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from operator import attrgetter
from typing import Iterable, Iterator

from ..diagnostic import Applicability, Edit, Finding, Fix, Severity
from ..document import CODE, HEADING, HTML, LIST_ITEM, MASK, PARAGRAPH, RULE_LINE, TABLE, Block, Document, Sentence
from ..rule import Example, Rule, RuleContext

CATEGORY = "generation-artifact"
_UNSAFE = Applicability.UNSAFE

# --------------------------------------------------------------------------- helpers

_OPEN_QUOTES = "\u201c\u2018"
_CLOSERS = "\"'\u201d\u2019)]}*_~"
_CLOSERS_OR_SPACE = _CLOSERS + " "
_TERMINAL = ".!?\u2026"
_WORD_RE = re.compile(r"[^\W_][\w'\u2019.-]*")
_START = attrgetter("start")


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last `_WORD_RE` match in text[start:end], scanning only the tail.

    A space is never part of a word, so the words after the last space are the
    ones a scan from `start` would find there; step back a space at a time
    until one turns up.
    """
    while True:
        space = text.rfind(" ", start, end)
        after = start if space < 0 else space + 1
        word = None
        for word in _WORD_RE.finditer(text, after, end):
            pass
        if word is not None or space < 0:
            return word
        end = space


def _block_sentences(doc: Document, block: Block) -> list[Sentence]:
    """The sentences of `block`, found by bisection (sentences are in document order)."""
    sentences = doc.sentences
    first = bisect_left(sentences, block.content_start, key=_START)
    stop = bisect_right(sentences, block.end, key=_START)
    return [s for s in sentences[first:stop] if s.block is block]


def _next_block(doc: Document, index: int) -> Block | None:
    blocks = doc.blocks
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _line_with_terminator(doc: Document, line: int) -> tuple[int, int]:
    """Offsets of 0-based `line` including its line terminator (if any)."""
    start = doc.line_starts[line]
    end = doc.line_starts[line + 1] if line + 1 < len(doc.line_starts) else len(doc.text)
    return start, end


def _is_blank_line(doc: Document, line: int) -> bool:
    return 0 <= line < doc.line_count and not doc.lines[line].strip()


def _delete_lines(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Offsets that delete 0-based lines first..last-1 plus one adjacent blank line.

    Prefers the blank line after the run (so the text below moves up); at the
    end of the file takes the blank line (or line break) before it instead.
    """
    start = doc.line_starts[first]
    if last < doc.line_count:
        end = doc.line_starts[last]
        if _is_blank_line(doc, last):
            end = _line_with_terminator(doc, last)[1]
        elif first > 0 and _is_blank_line(doc, first - 1):
            start = doc.line_starts[first - 1]
        return start, end
    end = len(doc.text)
    # Last lines of the file: eat the preceding line break (and blank line).
    if first > 0:
        start = doc.line_span(first - 1)[1]
        if _is_blank_line(doc, first - 1) and first - 1 > 0:
            start = doc.line_span(first - 2)[1]
        # Keep the file's final newline if it had one.
        if doc.text.endswith("\n"):
            end = len(doc.text) - (2 if doc.text.endswith("\r\n") else 1)
            start = min(start, end)
    return start, end


def _strip_emphasis(text: str) -> str:
    return text.strip().strip("*_").strip()


# --------------------------------------------------------------------------- NL601 truncated ending

# Words that cannot end an English sentence: a paragraph stopping on one was cut off.
_FRAGMENT_WORDS = frozenset(
    """the a an and or but nor of to with from into onto than as that which whose whom is are was were
    be been being will would could should can may might must shall has have had its their his her our my your
    these those because although though while whether if including between such very""".split()
)
_PREPOSITIONS = frozenset("""about above across after against along among around at before behind below beneath beside
    besides beyond by despite during for in inside like near on onto over per since through throughout toward towards
    under until upon via within without""".split())
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to vs via with".split())
# Lines that legitimately end without terminal punctuation.
_CREDIT_LINE = re.compile(
    r"^[(\[]*\s*(?:[\u2014\u2013-]+\s*)?(?:"
    r"(?:additional |further )?(?:reporting|writing|editing|edited|written|compiled|produced|reported|research"
    r"|graphics?|photos?|photography|pictures?|video|illustrations?|interviews?|translation|translated|"
    r"fact-checking|design)\s+by\b"
    r"|(?:source|sources|photo|photograph|image|picture|pictured|above|top|main image|file photo|watch|listen"
    r"|credit|credits|caption|graphic|video|contact|e-?mail|tel"
    r"|phone|twitter|x|facebook|instagram|tags|topics|related|read more|see also|more|published|updated"
    r"|last updated|first published|posted|filed|editor['\u2019]?s note|correction|clarification|note)\s*:"
    r"|follow\s+(?:us\b|@|(?:\S+\s+){1,4}on\b)|filed under\b|copyright\b|\u00a9|\(c\)\s|all rights reserved"
    r"|(?:the )?(?:associated press|ap|afp|reuters|bloomberg|dpa|upi|xinhua|pa media|staff and agencies"
    r"|agencies|wires)\b"
    r")",
    re.IGNORECASE,
)
_END_MARKER = re.compile(r"^(?:#{3,}|-+\s*30\s*-+|ends?|\*+(?:\s*\*)*|[\u2014\u2013-]{2,}|\xb7+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|&|of|the|in|,))*,?\s*$")


_LABEL_LINE = re.compile(r"^[*_]*[A-Z][\w'\u2019 -]{0,30}[*_]*:\s")


def _is_credit_or_marker(text: str) -> bool:
    stripped = _strip_emphasis(text)
    return bool(_CREDIT_LINE.match(stripped) or _END_MARKER.match(stripped) or _BYLINE.match(stripped))


def _last_opening(text: str, opener: str, closer: str) -> int:
    """Index of the last opening quote/bracket that is never closed after it, or -1."""
    if opener == closer == '"':
        if text.count('"') % 2 == 0:
            return -1
        positions = [i for i, ch in enumerate(text) if ch == '"']
        opens = [i for i in positions if i == 0 or text[i - 1].isspace() or text[i - 1] in "([{\u2014\u2013-:"]
        if not opens:
            return -1
        last = opens[-1]
        return last if not any(p > last for p in positions) else -1
    last = text.rfind(opener)
    if last < 0 or text.find(closer, last + 1) >= 0:
        return -1
    return last


class TruncatedEnding(Rule):
    """Report an article or paragraph that stops mid-sentence.

    What it does:
        Looks at the last paragraph of the article and at every paragraph
        followed by a heading or a rule: one that ends without closing
        punctuation (`.`, `!`, `?`, `…`, optionally followed by a closing
        quote or bracket), ends on a comma, dash or a word that cannot end a
        sentence ("the", "and", "of", ...), or leaves a quotation or bracket
        open at the very end of the article, is reported at its last word.
        A paragraph followed by another paragraph is reported only when it
        stops on such a fragment word.

        Not reported: headings, list items, tables, code, lead-ins ending
        with ":" that introduce a list, table or quote, and credit lines
        ("— Reuters", "(Reporting by Jane Doe; Editing by John Roe)",
        "Photo: ...", "By Jane Doe", "ENDS").

    Why is this bad?
        A generation pipeline that hit its token limit or a stop sequence
        publishes a story that breaks off mid-sentence. Human copy never
        does, and readers notice at once.

    Fix safety:
        No fix: the missing text has to be written or the sentence cut.
    """

    code = "NL601"
    name = "truncated-ending"
    severity = Severity.ERROR
    category = CATEGORY
    bad_examples = (
        Example("Talks resumed on Monday.\nThe minister said the agreement would be signed once the\n"),
        Example("Officials met in Geneva. Both sides agreed that a ceasefire was needed but disagreed on"),
        Example("# Summit\n\nLeaders met on Monday.\n\n## Outcome\n\nThey agreed to meet again in March, and\n\n"
                "## Reaction\n\nMarkets rose.\n", markdown=True),
        Example('The minister said: "We will not back down, and we will\n'),
        Example("Prices rose 3% in May, the statistics office said, driven by energy and food costs\n"),
    )
    good_examples = (
        Example("KYIV, Ukraine (AP) \u2014 Russian drones struck the capital overnight, officials said.\n\n"
                "Reporting by Jane Doe; Editing by John Roe\n"),
        Example("The minister said the plan was \u201cdead on arrival.\u201d\n\n\u2014 Reuters\n"),
        Example("The plan would:\n- cut income tax for low earners\n- raise the minimum wage\n"),
        Example("Police closed the road for two hours.\n\nCorrection: An earlier version of this story "
                "misstated the minister's name.\n"),
        Example('She called the decision "deeply disappointing".\n\n(Reporting by Jane Doe in London)\n'),
        Example("# Results\n\nTurnout was high.\n\n## Key Figures\n\n- Seats needed: 326\n- Women elected: 263\n",
                markdown=True),
        Example("Rates rose.\n\n| Date | Rate | Change |\n|---|---|\n| May | 1% | +0.25 pt |\n\n## Outlook\n\n"
                "More hikes are expected.\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        blocks = doc.blocks
        last_prose = None
        for i in range(len(blocks) - 1, -1, -1):
            if blocks[i].kind not in (RULE_LINE,) and doc.text[blocks[i].start:blocks[i].end].strip():
                last_prose = i
                break
        for i, block in enumerate(blocks):
            nxt = _next_block(doc, i)
            if block.kind == HEADING and block.level == 0 and not doc.is_markdown:
                finding = self._check_plain_heading(doc, block, nxt)
                if finding is not None:
                    yield finding
                continue
            if block.kind != PARAGRAPH:
                continue
            at_end = i == last_prose or nxt is None
            before_break = nxt is not None and nxt.kind in (HEADING, RULE_LINE)
            finding = self._check_paragraph(doc, block, at_end=at_end, before_break=before_break,
                                            followed_by=nxt)
            if finding is not None:
                yield finding

    def _check_plain_heading(self, doc: Document, block: Block, nxt: Block | None) -> Finding | None:
        """A plain-text "heading" that is really a sentence cut off before the next heading.

        Plain-text headings carry no punctuation, so the parser cannot tell a
        short truncated line from a heading. A sentence-case line of five or
        more words that ends on a fragment word, or that runs straight into
        another heading, is a cut-off paragraph.
        """
        text = doc.text[block.content_start:block.end].rstrip()
        words = _WORD_RE.findall(text)
        if len(words) < 5 or _is_credit_or_marker(text) or doc.prose[block.content_start:block.end].count(MASK):
            return None
        lower_content = [w for w in words[1:] if w[0].islower() and w.lower() not in _SMALL_WORDS]
        if len(lower_content) < 2:
            return None  # title case: a real heading
        m = _last_word(text, 0, len(text))
        if m is None:
            return None
        word_start, word_end = block.content_start + m.start(), block.content_start + m.end()
        last_word = m.group()
        if last_word in _FRAGMENT_WORDS or last_word in _PREPOSITIONS:
            return self.finding(word_start, word_end,
                                f"Line stops mid-sentence on '{m.group()}': it was cut off")
        if nxt is not None and nxt.kind == HEADING:
            return self.finding(word_start, word_end,
                                f"Sentence stops after '{m.group()}' without closing punctuation before the "
                                f"next heading: it was cut off")
        return None

    def _check_paragraph(self, doc: Document, block: Block, *, at_end: bool, before_break: bool,
                         followed_by: Block | None) -> Finding | None:
        prose = doc.prose
        text = doc.text
        start, end = block.content_start, block.end
        while end > start and prose[end - 1].isspace():
            end -= 1
        if end <= start or prose[end - 1] == MASK:
            return None  # ends in a URL, code span or link target: cannot judge
        if doc.in_table_cell(end - 1) or text[end - 1] == "|":
            return None  # a pipe table Markdown could not render: the table rules report it
        # Strip closing quotes, brackets and emphasis markers.
        core_end = end
        while core_end > start and text[core_end - 1] in _CLOSERS_OR_SPACE:
            core_end -= 1
        if core_end <= start:
            return None
        last_char = text[core_end - 1]
        if last_char in _TERMINAL and not at_end:
            return None  # a finished sentence; only at the article's end can a quote be left open
        body = text[start:end]
        if _is_credit_or_marker(body) or (block.in_quote and not at_end):
            return None
        word_m = _last_word(text, start, core_end)
        word_start, word_end = (word_m.span() if word_m else (core_end - 1, core_end))
        last_word = text[word_start:word_end].rstrip(".").lower()
        ends_terminal = last_char in _TERMINAL
        ends_colon = last_char == ":"
        if at_end and not ends_colon:
            para = text[start:end]
            for opener, closer in (('"', '"'), ("\u201c", "\u201d"), ("(", ")"), ("[", "]")):
                pos = _last_opening(para, opener, closer)
                if pos >= 0 and ends_terminal:
                    # A finished sentence: only an opening inside that last sentence counts.
                    last_sentence = doc.sentence_at(core_end - 1)
                    if last_sentence is None or start + pos < last_sentence.start:
                        pos = -1
                if pos >= 0:
                    _, col = doc.position(start + pos)
                    return self.finding(word_start, max(word_end, core_end) if not ends_terminal else end,
                                        f"The article ends inside a quotation or bracket opened at column {col} "
                                        f"that is never closed: it was cut off")
        if ends_terminal:
            return None
        if ends_colon:
            if at_end and followed_by is None:
                return self.finding(core_end - 1, core_end,
                                    "The article ends on a colon: the text it introduces is missing")
            return None
        if followed_by is not None and followed_by.kind in (LIST_ITEM, TABLE, CODE, HTML):
            return None
        if followed_by is not None and followed_by.in_quote and not block.in_quote:
            return None
        fragment_end = last_char.isalpha() and last_word in _FRAGMENT_WORDS and text[word_start].islower()
        dangling_punct = last_char in ",;\u2014\u2013-(/&"
        if fragment_end:
            return self.finding(word_start, word_end,
                                f"Paragraph stops mid-sentence on '{text[word_start:word_end]}': it was cut off")
        if not (at_end or before_break):
            return None
        if dangling_punct:
            return self.finding(core_end - 1, core_end,
                                f"Paragraph stops on '{last_char}' without finishing the sentence: it was cut off")
        n_words = len(_WORD_RE.findall(body))
        if n_words < 4:
            return None  # too short to be prose: a sign-off, label or caption
        if n_words <= 12 and _title_cased(body) and not at_end:
            return None  # a headline or kicker line, not a sentence
        if sum(1 for w in _WORD_RE.findall(body) if w[0].islower() and len(w) > 1) < 3:
            return None  # a score, name list or other data line, not prose
        if _LABEL_LINE.match(body) and n_words <= 15:
            return None  # "Final score: Arsenal 2 Chelsea 1", "Venue: Wembley Stadium, London"
        where = "The article" if at_end else "Paragraph before the heading"
        return self.finding(word_start, word_end,
                            f"{where} ends without closing punctuation after "
                            f"'{text[word_start:word_end]}': it may have been cut off")


# --------------------------------------------------------------------------- NL602 assistant preamble

_INTERJECTION = r"(?:certainly|sure(?: thing)?|of course|absolutely|definitely|great|okay|ok|alright|all right|" \
                r"no problem|happy to help|gladly|great question|good question)"
_PREAMBLE_PATTERNS = (
    # "Certainly!" alone, or "Certainly! ..." with anything after it.
    re.compile(r"^" + _INTERJECTION + r"\s*!", re.IGNORECASE),
    # "Sure, here's ...", "Of course. Below is ...", "Absolutely — I'll ..."
    re.compile(r"^" + _INTERJECTION + r"\s*[.,:\u2014\u2013-]\s*(?:here|below|i(?:['\u2019](?:ll|d|ve|m)| will| would"
               r"| have| can| am)|this is|the following|let(?:['\u2019]s| me))\b", re.IGNORECASE),
    # "Here is the article you requested", "Here's a 600-word article about ..."
    re.compile(r"^(?:here(?:['\u2019]s| is| are)|below (?:is|are|you(?:['\u2019]ll| will) find)|the following is"
               r"|attached is|please find)\s+(?:a|an|the|your|my|our)\s+(?:[\w'\u2019-]+\s+){0,6}?"
               r"(?:news )?(?:article|story|piece|draft|version|rewrite|write-up|blog post|press release|report|"
               r"summary|news report|op-ed)s?\b"
               r"(?=.*?(?:\byou (?:requested|asked|wanted)\b|\bas requested\b|\d+[- ]word|:\s*$|\b(?:about|on|"
               r"covering|based on|summari[sz]ing|regarding|for you)\b))", re.IGNORECASE),
    # "As requested, ..." / "I've written a news article ..."
    re.compile(r"^as (?:requested|you requested|per your request)\b", re.IGNORECASE),
    re.compile(r"^i(?:['\u2019]ve| have)? (?:written|drafted|prepared|put together|created|composed|rewritten)\s+"
               r"(?:a|an|the|your)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:article|story|piece|draft|version|rewrite|"
               r"write-up|blog post|press release|report|summary)\b", re.IGNORECASE),
)


def _is_preamble_line(line: str) -> bool:
    stripped = re.sub(r"^[>#\s]*", "", line)
    stripped = stripped.replace("**", "").replace("__", "").strip()
    return any(p.match(stripped) for p in _PREAMBLE_PATTERNS)


class AssistantPreambleOpening(Rule):
    """Report an article that opens with a chat assistant's reply to its user.

    What it does:
        Checks the first non-blank lines of the file: "Certainly! Here is the
        article", "Sure, here's a 600-word article about ...", "Here is the
        article you requested:", "Of course! Below is ...", "Absolutely! ...".
        Reported at the start of the line. Only the opening position counts:
        the same words further down are left to the boilerplate pack.

    Why is this bad?
        The preamble is the model talking to whoever prompted it. Published
        above the story, it tells every reader the copy was pasted unedited.

    Fix safety:
        Unsafe: deletes the preamble line(s) and the blank line after them.
        Check that no part of the story shared the line.
    """

    code = "NL602"
    name = "assistant-preamble-opening"
    severity = Severity.ERROR
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("Certainly! Here is the article:\n\nLeaders met in Geneva on Monday.\n",
                fixed="Leaders met in Geneva on Monday.\n"),
        Example("Sure, here's a 600-word article about the summit.\n\nLeaders met in Geneva on Monday.\n",
                fixed="Leaders met in Geneva on Monday.\n"),
        Example("Here is the article you requested.\nLeaders met in Geneva on Monday.\n",
                fixed="Leaders met in Geneva on Monday.\n"),
        Example("Of course! Below is a news story on the vote.\n\n# Vote Passes\n\nThe bill passed.\n",
                markdown=True, fixed="# Vote Passes\n\nThe bill passed.\n"),
        Example("Absolutely!\n\nHere is your article:\n\nThe bill passed on Tuesday.\n",
                fixed="The bill passed on Tuesday.\n"),
    )
    good_examples = (
        Example("Here is what we know about the fire.\n\nThe blaze started at 2 a.m.\n"),
        Example("Of course, the minister said, nothing is final until the vote.\n"),
        Example("Certainly the vote will be close, analysts said.\n"),
        Example("Sure enough, the rain came on Saturday.\n"),
        Example("KYIV, Ukraine (AP) \u2014 Here is the story of a town that refused to leave.\n"),
        Example("Leaders met on Monday.\n\nCertainly! Here is a quote the minister gave.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        lines = doc.lines
        # The preamble is among the first three non-blank lines; the fourth ends its deletion.
        nonblank = list(islice((i for i in range(doc.line_count) if lines[i].strip()), 4))
        if not nonblank:
            return
        run: list[int] = []
        for i in nonblank[:3]:
            if _is_preamble_line(lines[i]) and len(lines[i].split()) <= 40:
                run.append(i)
            else:
                break
        if not run:
            return
        first, last = run[0], run[-1]
        start, end = doc.line_span(first)
        fix = None
        rest = [i for i in nonblank if i > last]
        if rest:
            del_end = doc.line_starts[rest[0]]
            fix = Fix("Delete the assistant's preamble", (Edit(doc.line_starts[first], del_end, ""),),
                      ).with_applicability(_UNSAFE)
        text = lines[first].strip()
        shown = text if len(text) <= 60 else text[:57] + "..."
        yield self.finding(start, end, f"The article opens with a chat assistant's preamble '{shown}'", fix)


# --------------------------------------------------------------------------- NL603 assistant sign-off

_SIGN_OFF = re.compile(
    r"^(?:please |and |also,? |finally,? )?(?:"
    r"i hope (?:this|that|the above|the information|the article|the summary) (?:helps|was helpful|is helpful|"
    r"is useful|was useful|meets|gives you|provides|article|summary|overview|draft)\b"
    r"|i hope you (?:found|find|enjoyed|enjoy) (?:this|the) (?:article|piece|summary|information|overview|draft)\b"
    r"|hope (?:this|that) (?:helps|is helpful|was helpful|meets)\b"
    r"|let me know if (?:you|there|any)\b"
    r"|let me know (?:what|how|whether) you(?:['\u2019]d| would)? (?:like|want|prefer)\b"
    r"|feel free to (?:ask|let me know|request|suggest|modify|adjust|edit|tweak)\b"
    r"|if you (?:would like|['\u2019]d like|want|need|require) (?:me to|any (?:changes|revisions|edits|adjustments|"
    r"modifications|tweaks)|(?:changes|revisions|edits|adjustments|modifications|tweaks)\b|(?:a |an )?(?:different|"
    r"another|shorter|longer|revised) (?:version|angle|tone|draft|headline)|(?:further|more) (?:changes|revisions|"
    r"edits|adjustments))"
    r"|would you like me to\b"
    r"|is there anything else (?:i can|you(?:['\u2019]d| would) like)\b"
    r"|i(?:['\u2019]d| would) be (?:happy|glad|delighted) to (?:help|assist|adjust|revise|expand|rewrite|make)\b"
    r"|i can (?:also )?(?:adjust|expand|shorten|lengthen|revise|rewrite|tailor) (?:this|the|it|any)\b"
    r"|i can also (?:provide|add|make|write|include)\b"
    r"|(?:note|disclaimer|please note)\s*:?\s*(?:that )?(?:as an ai|this (?:article|story|piece|content|text) "
    r"(?:is|was|has been) (?:generated|written|created|produced|fictional|hypothetical|a work of fiction))"
    r"|(?:please )?note that as an ai\b"
    r"|as an ai(?: language model| assistant| model)?,"
    r"|i (?:do not|don['\u2019]t|cannot|can['\u2019]t) (?:have access to|browse|access) (?:real-time|the internet|"
    r"current|live|up-to-date)"
    r"|this (?:article|story|piece) (?:is|was) (?:entirely |purely )?(?:fictional|hypothetical|ai-generated|"
    r"generated by)\b"
    r")",
    re.IGNORECASE,
)
_NOTE_PARAGRAPH = re.compile(r"^[*_]*(?:note|disclaimer|please note)[*_]*\s*:", re.IGNORECASE)
_AI_WORDS = re.compile(r"\b(?:as an ai|ai language model|as a language model|knowledge cut-?off|my (?:knowledge|training)"
                       r"|i (?:cannot|can['\u2019]t|do not|don['\u2019]t|am unable to) (?:verify|access|browse|confirm|"
                       r"provide real-time))\b", re.IGNORECASE)


class AssistantSignOffClosing(Rule):
    """Report a chat assistant's sign-off at the end of the article.

    What it does:
        In the last three paragraphs, flags a sentence that starts like the
        model talking to its user: "I hope this helps!", "Let me know if
        you'd like any changes", "Feel free to ask for revisions", "Note: As
        an AI, I cannot ...", "Please note that as an AI language model ...".
        A standalone "Note:"/"Disclaimer:" paragraph about being an AI is
        reported wherever it stands. Quotations ("'Let me know if you see
        anything,' the sheriff said") are not sentences of the article and
        are never flagged.

    Why is this bad?
        The sign-off is addressed to the person who prompted the model, not
        to readers; published, it exposes unedited machine copy.

    Fix safety:
        Unsafe: deletes the whole paragraph when every sentence in it is a
        sign-off, otherwise only the sign-off sentence.
    """

    code = "NL603"
    name = "assistant-sign-off-closing"
    severity = Severity.ERROR
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("The bill passed on Tuesday.\n\nI hope this helps! Let me know if you'd like any changes.\n",
                fixed="The bill passed on Tuesday.\n"),
        Example("The bill passed on Tuesday.\nFeel free to ask for revisions.\n",
                fixed="The bill passed on Tuesday.\n"),
        Example("The bill passed on Tuesday.\n\nNote: As an AI, I cannot verify events after my training data.\n",
                fixed="The bill passed on Tuesday.\n"),
        Example("The bill passed on Tuesday. Please note that as an AI language model, I cannot confirm this.\n",
                fixed="The bill passed on Tuesday.\n"),
        Example("Note: This article was generated with AI.\n\nThe bill passed on Tuesday.\n\nIt goes to the Senate.\n"
                "\nVoting starts in May.\n\nThe outcome is uncertain.\n",
                fixed="The bill passed on Tuesday.\n\nIt goes to the Senate.\n\nVoting starts in May.\n\n"
                      "The outcome is uncertain.\n"),
    )
    good_examples = (
        Example('"Let me know if you see anything," the sheriff told residents.\n'),
        Example("The mayor said she hoped the new bridge would help traffic. \u201cI hope this helps the town,\u201d "
                "she said.\n"),
        Example("Note: The figures exclude Scotland.\n"),
        Example("The company said its AI model could write reports.\n\nCorrection: An earlier version of this "
                "story misstated the date of the vote.\n"),
        Example("Residents who need help can call the council. Let me know, she told the reporter, if the figures "
                "change.\n\nMore details follow.\n\nThe end.\n\nNothing else.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        prose_blocks = [b for b in doc.blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
        if not prose_blocks:
            return
        tail = set(id(b) for b in prose_blocks[-3:])
        for block in prose_blocks:
            block_text = doc.prose[block.content_start:block.end]
            # `":" in` first: the note pattern needs a colon, and most paragraphs have none.
            note_para = ":" in block_text and bool(_NOTE_PARAGRAPH.match(block_text.strip())) and bool(
                _AI_WORDS.search(block_text) or _SIGN_OFF.match(block_text.strip().strip("*_"))
                or _SIGN_OFF.match(_NOTE_PARAGRAPH.sub("", block_text.strip()).strip(" *_")))
            if id(block) not in tail and not note_para:
                continue
            sentences = _block_sentences(doc, block)
            if not sentences:
                continue
            hits = [s for s in sentences if self._is_sign_off(doc, s.start, s.end)]
            if note_para and not hits:
                hits = sentences[:1]
            if not hits:
                continue
            whole = note_para or len(hits) == len(sentences)
            first = hits[0]
            if whole:
                a, b = _delete_lines(doc, block.line, block.end_line)
                fix = Fix("Delete the assistant's sign-off paragraph", (Edit(a, b, ""),)).with_applicability(_UNSAFE)
            else:
                edits = []
                for s in hits:
                    a = s.start
                    while a > block.content_start and doc.text[a - 1] in " \t":
                        a -= 1
                    edits.append(Edit(a, s.end, ""))
                fix = Fix("Delete the assistant's sign-off sentence", tuple(edits)).with_applicability(_UNSAFE)
            shown = doc.text[first.start:first.end]
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            yield self.finding(first.start, first.end,
                               f"The article ends with a chat assistant's sign-off '{shown}'", fix)

    @staticmethod
    def _is_sign_off(doc: Document, start: int, end: int) -> bool:
        sentence = doc.prose[start:end].lstrip("*_ ")
        if sentence[:1] in "\"'\u201c\u2018":
            return False
        return bool(_SIGN_OFF.match(sentence))


# --------------------------------------------------------------------------- NL604 prompt leakage

_LABEL_ANYWHERE = re.compile(
    r"^[*_]*(?:meta[ -]description|meta[ -]title|seo[ -]title|seo[ -]description|seo[ -]keywords|keywords|"
    r"focus[ -]keywords?|url[ -]slug|slug|word[ -]count|target[ -]audience|tone(?: of voice)?|"
    r"target[ -]word[ -]count|total words)[*_]*\s*:[*_]*",
    re.IGNORECASE,
)
_LABEL_TOP = re.compile(r"^[*_]*(?:title|headline|subheadline|sub-headline|subtitle|dek|standfirst)[*_]*\s*:[*_]*\s*",
                        re.IGNORECASE)
_LABEL_HEADING = re.compile(r"^(?:meta[ -]description|seo[ -]title|keywords|word[ -]count|focus keywords?)$",
                            re.IGNORECASE)
_WORD_COUNT_LINE = re.compile(r"^[(\[]?\s*(?:word count\s*:?\s*\d[\d,]*|\d[\d,]*\s+words)\s*[)\]]?\.?$", re.IGNORECASE)
_INSTRUCTION = re.compile(
    r"^(?:please\s+)?(?:(?:write|rewrite|generate|create|compose|draft|produce)\s+(?:me\s+)?(?:a|an|the)\s+"
    r"(?:[\w'\u2019-]+\s+){0,5}?(?:news\s+)?(?:article|story|blog post|press release|news report|op-ed|"
    r"feature|piece|summary|headline)s?\b"
    r"(?=.*?(?:\b(?:about|on|covering|based on|summari[sz]ing|regarding|that|in the style of|for)\b|\d+[- ]word))"
    r"|rewrite the following\b|paraphrase the following\b|summari[sz]e the following\b"
    r"|(?:use|adopt|keep|maintain|write in) an? (?:neutral|formal|journalistic|professional|informative|"
    r"engaging|conversational|objective) (?:tone|style|voice)\b"
    r"|write in the style of\b)",
    re.IGNORECASE,
)


class PromptLeakage(Rule):
    """Report prompt or SEO-brief text that leaked into the article.

    What it does:
        Flags lines that belong to the instructions or the metadata around
        the story, not to it: "Write a 600-word article about ...",
        "Rewrite the following ...", "Use a neutral tone", "Word count: 612",
        "Meta description: ...", "SEO title: ...", "Keywords: ...",
        "Target audience: ...", "Tone: ...", and "Title:"/"Headline:" label
        lines among the first three lines. Bracketed slots such as
        "[Your Name]" are left to `bracket-placeholder`.

    Why is this bad?
        Prompt text and metadata labels are never meant for readers; when
        they are published, the page shows the brief the model was given.

    Fix safety:
        Unsafe. A "Title:"/"Headline:" label is removed and the headline kept;
        a metadata or word-count line is deleted. Instructions inside a
        paragraph have no fix.
    """

    code = "NL604"
    name = "prompt-leakage"
    severity = Severity.ERROR
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("Title: Leaders Agree Ceasefire\n\nLeaders agreed a ceasefire on Monday.\n",
                fixed="Leaders Agree Ceasefire\n\nLeaders agreed a ceasefire on Monday.\n"),
        Example("Write a 600-word article about the summit in Geneva.\n\nLeaders met on Monday.\n"),
        Example("Leaders met on Monday.\n\nWord count: 612\n", fixed="Leaders met on Monday.\n"),
        Example("Meta description: Leaders agree a ceasefire in Geneva.\n\nLeaders met on Monday.\n",
                fixed="Leaders met on Monday.\n"),
        Example("Leaders met on Monday.\n\nKeywords: ceasefire, Geneva, summit\n", fixed="Leaders met on Monday.\n"),
        Example("Rewrite the following in the style of Reuters.\n\nLeaders met on Monday.\n"),
    )
    good_examples = (
        Example("The novel, whose title is still secret, will be published in May.\n"),
        Example("Leaders met on Monday.\n\nThe house was built in the style of Frank Lloyd Wright.\n"),
        Example("The judge told jurors to write a summary of the evidence.\n"),
        Example("The band's tone was softer than on its last album.\n\nWord count matters less than clarity, "
                "the editor said.\n"),
        Example("Leaders met on Monday.\n\nHeadline inflation fell to 3.5% in May.\n\nThe target audience: "
                "teenagers, the company said.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        lines = doc.lines
        top = set(islice((i for i in range(doc.line_count) if lines[i].strip()), 3))  # first non-blank lines
        reported: set[int] = set()
        for block in doc.blocks:
            if block.kind not in (PARAGRAPH, HEADING, LIST_ITEM) or block.in_quote:
                continue
            line = block.line
            start, line_end = doc.line_span(line)
            content = block.content_start
            raw = doc.prose[content:line_end]
            text = raw.strip()
            if not text:
                continue
            one_line_block = block.end_line - block.line == 1
            if block.kind == HEADING and _LABEL_HEADING.match(text.strip("*_ :")):
                yield self.finding(content, line_end, f"Leaked SEO label heading '{text}'")
                continue
            colon = ":" in text  # every label pattern needs one
            m = _LABEL_ANYWHERE.match(text) if colon else None
            if m and block.kind != LIST_ITEM:
                label = text[:m.end()].strip("*_ ")
                label_core = label.rstrip(":").strip().lower()
                value = text[m.end():].strip()
                if label_core in ("tone", "tone of voice", "target audience", "keywords") and not (
                        value and (line in top or len(value.split()) <= 12) and value[-1:] not in ".!?"):
                    pass  # "Tone: the minister's remarks ..." is prose, not a label line
                elif label_core.startswith("word") and not re.match(r"^~?\d[\d,]*\b", value):
                    pass
                else:
                    fix = None
                    if one_line_block:
                        a, b = _delete_lines(doc, block.line, block.end_line)
                        fix = Fix("Delete the leaked metadata line", (Edit(a, b, ""),)).with_applicability(_UNSAFE)
                    reported.add(line)
                    yield self.finding(content, line_end, f"Leaked prompt or SEO metadata '{_short(text)}'", fix)
                    continue
            if _WORD_COUNT_LINE.match(text) and one_line_block:
                a, b = _delete_lines(doc, block.line, block.end_line)
                fix = Fix("Delete the leaked word count", (Edit(a, b, ""),)).with_applicability(_UNSAFE)
                yield self.finding(content, line_end, f"Leaked word count '{text}'", fix)
                continue
            m = _LABEL_TOP.match(text) if colon else None
            if m and line in top and block.kind != LIST_ITEM and len(text[m.end():].split()) >= 1:
                label_start = content + (len(raw) - len(raw.lstrip()))
                value = " ".join(text[m.end():].strip(" *_").split()).lower()
                if any(" ".join(doc.text[h.content_start:h.end].split()).lower() == value for h in doc.headings):
                    a, b = _delete_lines(doc, block.line, block.end_line)
                    fix = Fix("Delete the label line that repeats the headline",
                              (Edit(a, b, ""),)).with_applicability(_UNSAFE)
                else:
                    fix = Fix("Remove the label and keep the headline",
                              (Edit(label_start, label_start + m.end(), ""),)).with_applicability(_UNSAFE)
                yield self.finding(label_start, label_start + m.end(),
                                   f"Leaked label '{text[:m.end()].strip()}' before the headline", fix)
                continue
            if block.kind == PARAGRAPH:
                for sentence in _block_sentences(doc, block):
                    s_text = doc.prose[sentence.start:sentence.end].lstrip("*_ ")
                    if _INSTRUCTION.match(s_text):
                        yield self.finding(sentence.start, sentence.end,
                                           f"Leaked prompt instruction '{_short(s_text)}'")
                        break


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --------------------------------------------------------------------------- NL605 wrapped in a fence or quotes

_FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*(markdown|md|text|txt|plaintext|plain|html|)[ \t]*$",
                         re.IGNORECASE)


def _quote_is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _OPEN_QUOTES:
        return True
    if ch in "\u201d\u2019":
        return False
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{\u2014\u2013-:\u201c"


class WrappedInFence(Rule):
    """Report an article wrapped whole in a code fence or in quotation marks.

    What it does:
        Flags a file whose first non-blank line opens a code fence
        (```` ``` ````, ```` ```markdown ````, `~~~`) and whose last non-blank
        line closes it, and a file of two or more paragraphs that starts with
        a quotation mark closed only by the very last character.

    Why is this bad?
        A fenced article renders as one grey block of monospaced source, and
        every other check is blind to it; a quoted one prints the quotes.
        Both come from pasting a chat reply without unwrapping it.

    Fix safety:
        Unsafe: removes the two fence lines or the two quotation marks.
        The finding sits on the opening fence line.
    """

    code = "NL605"
    reports_in_skipped = True  # a fenced article is one big skip span
    name = "wrapped-in-fence"
    severity = Severity.ERROR
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("```markdown\n# Leaders Agree Ceasefire\n\nLeaders met on Monday.\n```\n", markdown=True,
                fixed="# Leaders Agree Ceasefire\n\nLeaders met on Monday.\n"),
        Example("```\nLeaders met on Monday.\n\nThey agreed a ceasefire.\n```\n",
                fixed="Leaders met on Monday.\n\nThey agreed a ceasefire.\n"),
        Example("\"Leaders met on Monday.\n\nThey agreed a ceasefire, officials said.\"\n",
                fixed="Leaders met on Monday.\n\nThey agreed a ceasefire, officials said.\n"),
        Example("\u201cLeaders met on Monday.\n\nThe minister called it \u201ca first step\u201d.\u201d\n",
                fixed="Leaders met on Monday.\n\nThe minister called it \u201ca first step\u201d.\n"),
    )
    good_examples = (
        Example("\"We will not back down,\" the minister said.\n\nHer deputy added: \"Talks go on.\"\n"),
        Example("The agency published the code:\n\n```\nprint('hi')\n```\n\nIt ran once.\n", markdown=True),
        Example("\u201cIt was chaos,\u201d said a witness.\n\nPolice said the driver was arrested. \u201cWe are "
                "investigating,\u201d a spokesman said.\u201d\n"),
        Example("\"The plan is dead,\" she said.\n\n\"We must start again. Nobody wants this,\" she added.\n"),
        Example("\u201cFirst paragraph of a long quote.\n\n\u201cSecond paragraph of the same quote.\u201d\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        lines = doc.lines
        first = next((i for i in range(doc.line_count) if lines[i].strip()), None)
        if first is None:
            return
        last = next(i for i in range(doc.line_count - 1, -1, -1) if lines[i].strip())
        if last == first:
            return
        m = _FENCE_OPEN.match(lines[first])
        if m:
            fence = m.group(1)
            closing = lines[last].strip()
            if last - first >= 2 and closing and set(closing) == {fence[0]} and len(closing) >= len(fence):
                yield from self._fence_finding(doc, first, last, m.group(0).strip())
            return
        yield from self._quote_finding(doc, first, last)

    def _fence_finding(self, doc: Document, first: int, last: int, opener: str) -> Iterator[Finding]:
        open_start, open_end = _line_with_terminator(doc, first)
        close_start, close_end = doc.line_span(last)
        # Remove the closing fence line together with the line break before it.
        prev_end = doc.line_span(last - 1)[1]
        fix = Fix("Remove the code fence around the article",
                  (Edit(open_start, open_end, ""), Edit(prev_end, close_end, ""))).with_applicability(_UNSAFE)
        message = (f"The whole article is wrapped in a code fence '{opener}' (lines {first + 1}-{last + 1}): "
                   f"it renders as source code")
        # reports_in_skipped lets the finding sit on the opening fence, inside the code span.
        start = doc.line_starts[first]
        yield self.finding(start, doc.line_span(first)[1], message, fix)

    def _quote_finding(self, doc: Document, first: int, last: int) -> Iterator[Finding]:
        text = doc.text
        start = doc.line_starts[first] + (len(doc.lines[first]) - len(doc.lines[first].lstrip()))
        end = doc.line_span(last)[1]
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[start] not in "\"\u201c" or text[end - 1] not in "\"\u201d":
            return
        paragraphs = [b for b in doc.blocks if b.kind in (PARAGRAPH, LIST_ITEM, HEADING)]
        if len(paragraphs) < 2:
            return
        # The quotation convention for a quote running over several paragraphs
        # re-opens each paragraph with a quotation mark: not a wrapper.
        if any(text[b.content_start:b.content_start + 1] in "\"\u201c" for b in paragraphs[1:]):
            return
        depth = 0
        for i in range(start, end):
            ch = text[i]
            if ch not in "\"\u201c\u201d":
                continue
            if _quote_is_opening(text, i):
                depth += 1
            else:
                depth -= 1
                if depth <= 0 and i != end - 1:
                    return
        if depth != 0:
            return
        fix = Fix("Remove the quotation marks around the article",
                  (Edit(start, start + 1, ""), Edit(end - 1, end, ""))).with_applicability(_UNSAFE)
        yield self.finding(start, start + 1,
                           "The whole article is wrapped in quotation marks, opened here and closed on "
                           f"line {last + 1}", fix)


# --------------------------------------------------------------------------- NL606 duplicated paragraph

_MIN_WORDS = 8


def _normalised(doc: Document, block: Block) -> str:
    return " ".join(doc.text[block.content_start:block.end].split())


def _first_and_last_word(text: str) -> tuple[str, str]:
    """Equal for paragraphs equal after `_normalised`, and far cheaper to compute."""
    first = text.split(None, 1)
    return (first[0], text.rsplit(None, 1)[-1]) if first else ("", "")


class DuplicatedParagraph(Rule):
    """Report a paragraph or a whole section repeated verbatim.

    What it does:
        Compares paragraphs of at least eight words after collapsing
        whitespace; a later exact copy is reported, pointing at the line of
        the first. A repeated heading whose following paragraphs repeat too
        is reported once, at the second heading, as a duplicated section.

    Why is this bad?
        Generation loops and bad merges paste the same text twice. Human
        copy repeats a fact, never a whole paragraph word for word.

    Fix safety:
        Unsafe: deletes the later copy (the paragraph, or the heading and
        its repeated paragraphs).
    """

    code = "NL606"
    name = "duplicated-paragraph"
    severity = Severity.ERROR
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("Leaders met in Geneva on Monday to discuss the ceasefire plan.\n\nThey agreed to meet again.\n\n"
                "Leaders met in Geneva on Monday to discuss the ceasefire plan.\n",
                fixed="Leaders met in Geneva on Monday to discuss the ceasefire plan.\n\nThey agreed to meet again.\n"),
        Example("Leaders met in Geneva on Monday to discuss the ceasefire plan.\n"
                "Leaders met in Geneva on  Monday to discuss the ceasefire plan.\nThey agreed to meet again.\n",
                fixed="Leaders met in Geneva on Monday to discuss the ceasefire plan.\nThey agreed to meet again.\n"),
        Example("# Summit\n\n## Outcome\n\nThe two sides agreed to extend the ceasefire by thirty days.\n\n"
                "## Outcome\n\nThe two sides agreed to extend the ceasefire by thirty days.\n\n"
                "## Reaction\n\nMarkets rose.\n", markdown=True,
                fixed="# Summit\n\n## Outcome\n\nThe two sides agreed to extend the ceasefire by thirty days.\n\n"
                      "## Reaction\n\nMarkets rose.\n"),
    )
    good_examples = (
        Example("No one was injured.\n\nThe fire was put out.\n\nNo one was injured.\n"),
        Example("# Results\n\n## Key Figures\n\nTurnout rose to 59.7% in the first round of voting.\n\n"
                "## Key Figures\n\nTurnout fell to 51.2% in the second round of voting today.\n", markdown=True),
        Example("The plan would:\n- cut income tax for low earners and raise the minimum wage\n"
                "The rival plan would:\n- cut income tax for low earners and raise the minimum wage\n"),
        Example("Leaders met in Geneva on Monday to discuss the ceasefire plan.\n\n"
                "Leaders met in Geneva on Tuesday to discuss the ceasefire plan.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        blocks = [b for b in doc.blocks if b.kind in (PARAGRAPH, HEADING, LIST_ITEM, TABLE)]
        # Every finding repeats a paragraph word for word: when no two paragraphs share
        # their first and last words, no block needs normalising.
        ends = [_first_and_last_word(doc.text[b.content_start:b.end]) for b in blocks if b.kind == PARAGRAPH]
        if len(set(ends)) == len(ends):
            return
        keys = [(b.kind, _normalised(doc, b)) for b in blocks]
        seen: dict[tuple[str, str], int] = {}
        covered: set[int] = set()
        for idx, block in enumerate(blocks):
            key = keys[idx]
            if idx in covered:
                seen.setdefault(key, idx)
                continue
            if block.kind == HEADING and key in seen:
                j = seen[key]
                # Count the run of blocks after both headings that repeat each other.
                n = 0
                while (idx + 1 + n < len(blocks) and j + 1 + n < idx and keys[j + 1 + n] == keys[idx + 1 + n]
                       and blocks[idx + 1 + n].kind != HEADING):
                    n += 1
                if n and any(blocks[idx + 1 + k].kind == PARAGRAPH and len(keys[idx + 1 + k][1].split()) >= _MIN_WORDS
                             for k in range(n)):
                    first_line = blocks[j].line + 1
                    last_block = blocks[idx + n]
                    a, b = _delete_lines(doc, block.line, last_block.end_line)
                    fix = Fix("Delete the duplicated section", (Edit(a, b, ""),)).with_applicability(_UNSAFE)
                    covered.update(range(idx + 1, idx + 1 + n))
                    yield self.finding(block.content_start, block.end,
                                       f"Section '{_short(key[1], 40)}' repeats the section on line {first_line} "
                                       f"verbatim", fix, first_line=first_line)
                    continue
            if block.kind == PARAGRAPH and key in seen and len(key[1].split()) >= _MIN_WORDS:
                first_line = blocks[seen[key]].line + 1
                a, b = _delete_lines(doc, block.line, block.end_line)
                fix = Fix("Delete the duplicated paragraph", (Edit(a, b, ""),)).with_applicability(_UNSAFE)
                yield self.finding(block.content_start, block.end,
                                   f"Paragraph repeats the paragraph on line {first_line} verbatim", fix,
                                   first_line=first_line)
                continue
            seen.setdefault(key, idx)


# --------------------------------------------------------------------------- NL607 plain-text heading in Markdown

_NOT_HEADING = re.compile(
    r"^(?:by|from|photo|photograph|image|source|credit|reporting|editing|edited|written|updated|published|"
    r"posted|contact|follow|tags|related|read more|see also|copyright)\b",
    re.IGNORECASE,
)


def _title_cased(text: str, min_words: int = 2) -> bool:
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if len(words) < min_words or not words or not words[0][0].isupper():
        return False
    content = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    if not content:
        return len(words) == 1
    upper = sum(1 for w in content if w[0].isupper())
    return upper / len(content) >= 0.75 and upper >= 1


class PlainTextHeadingInMarkdown(Rule):
    """Report a Markdown line that is a heading but was left as plain text.

    What it does:
        In a Markdown file whose other section headings use `#`, flags a
        standalone one-line paragraph between blank lines that reads like
        those headings: two to twelve words, title-cased, no closing
        punctuation, followed by body text. Bylines ("By Jane Doe"),
        credits and bold lines are not flagged.

    Why is this bad?
        The heading renders as a stray line of body text, so the section
        structure (and the table of contents) is broken. Models often drop
        the `#` on one heading of many.

    Fix safety:
        Unsafe: prefixes the line with the `#` level of the neighbouring
        headings; check that the line really is a heading.
    """

    code = "NL607"
    name = "plain-text-heading-in-markdown"
    severity = Severity.WARNING
    category = CATEGORY
    fix_applicability = "unsafe"
    bad_examples = (
        Example("# Summit Ends\n\nLeaders met on Monday.\n\n## What Was Agreed\n\nA ceasefire.\n\n"
                "Reaction From Markets\n\nShares rose.\n\n## Next Steps\n\nTalks resume in May.\n", markdown=True,
                fixed="# Summit Ends\n\nLeaders met on Monday.\n\n## What Was Agreed\n\nA ceasefire.\n\n"
                      "## Reaction From Markets\n\nShares rose.\n\n## Next Steps\n\nTalks resume in May.\n"),
        Example("## Background\n\nThe talks began in 2021.\n\nThe Road to Geneva\n\nThey moved in May.\n\n"
                "## Outlook\n\nUnclear.\n", markdown=True,
                fixed="## Background\n\nThe talks began in 2021.\n\n## The Road to Geneva\n\nThey moved in May.\n\n"
                      "## Outlook\n\nUnclear.\n"),
        Example("# Vote\n\n## Seats by Party\n\nLabour won.\n\n## Turnout\n\nIt fell.\n\nKey Figures at a Glance\n\n"
                "- Seats: 326\n", markdown=True,
                fixed="# Vote\n\n## Seats by Party\n\nLabour won.\n\n## Turnout\n\nIt fell.\n\n"
                      "## Key Figures at a Glance\n\n- Seats: 326\n"),
    )
    good_examples = (
        Example("# Summit Ends\n\nBy Jane Doe\n\nLeaders met on Monday.\n\n## What Was Agreed\n\nA ceasefire.\n\n"
                "## Next Steps\n\nTalks resume.\n", markdown=True),
        Example("# Summit\n\n## Talks\n\nLeaders met.\n\nNobody Was Hurt.\n\n## Next\n\nMore talks.\n",
                markdown=True),
        Example("Reaction From Markets\n\nShares rose on Monday.\n\nNext Steps\n\nTalks resume.\n"),
        Example("# Summit\n\n## Talks\n\nLeaders met.\n\n**Reaction From Markets**\n\nShares rose.\n\n## Next\n\n"
                "Talks resume.\n", markdown=True),
        Example("# Summit\n\n## Talks\n\nLeaders met in Geneva.\n\nReporting by Jane Doe\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        if not doc.is_markdown:
            return
        headings = [b for b in doc.headings if b.level >= 1 and not b.in_quote]
        sections = [h for h in headings if h.level >= 2] or headings
        if len(sections) < 2:
            return
        styled = [h for h in sections if _title_cased(doc.text[h.content_start:h.end], 1)]
        if len(styled) * 2 < len(sections):
            return
        max_words = max(len(doc.text[h.content_start:h.end].split()) for h in sections) + 3
        blocks = doc.blocks
        for i, block in enumerate(blocks):
            if block.kind != PARAGRAPH or block.in_quote or block.end_line - block.line != 1:
                continue
            nxt = _next_block(doc, i)
            if nxt is None or nxt.kind not in (PARAGRAPH, LIST_ITEM, TABLE, CODE):
                continue
            if not (_is_blank_line(doc, block.line - 1) or block.line == 0) or not _is_blank_line(doc, block.line + 1):
                continue
            text = doc.prose[block.content_start:block.end].strip()
            words = text.split()
            if not (2 <= len(words) <= min(12, max_words)) or MASK in text:
                continue
            if text[-1] in ".!?:;,\u2026\"'\u201d\u2019)]*_" or text[0] in "*_[(\"'\u201c\u2018>|`!":
                continue
            if (_NOT_HEADING.match(text) or _is_credit_or_marker(text) or not _title_cased(text)
                    or _LABEL_TOP.match(text) or _LABEL_ANYWHERE.match(text)):
                continue
            level = self._level(doc, block)
            yield self.finding(block.content_start, block.end,
                               f"'{_short(text, 50)}' looks like a section heading without its '{'#' * level}' "
                               f"marker", self.fix(block.content_start, block.content_start, "#" * level + " ",
                                                   f"Make it a level-{level} heading", safe=False))

    @staticmethod
    def _level(doc: Document, block: Block) -> int:
        before = [h for h in doc.headings if h.line < block.line and h.level >= 1]
        after = [h for h in doc.headings if h.line > block.line and h.level >= 1]
        if before and (before[-1].level >= 2 or not after):
            return max(before[-1].level, 2) if len([h for h in doc.headings if h.level == 1]) == 1 and \
                before[-1].level == 1 else before[-1].level
        if after:
            return after[0].level
        return 2


# ---------------------------------------------------------------------------

RULES = [
    TruncatedEnding,
    AssistantPreambleOpening,
    AssistantSignOffClosing,
    PromptLeakage,
    WrappedInFence,
    DuplicatedParagraph,
    PlainTextHeadingInMarkdown,
]
