"""NL901 languagetool-match: LanguageTool's grammar findings as newslint diagnostics."""

from __future__ import annotations

from typing import Any, Iterable

from newslint import Example, Option, Rule, Severity
from newslint.diagnostic import Finding
from newslint.document import Document
from newslint.rule import RuleContext

from . import client as lt
from .masking import mask_document

#: LanguageTool categories newslint's own rules already cover, so findings are not doubled:
#: TYPOS (NL302/NL303 spelling), CASING (NL101-NL103), TYPOGRAPHY (NL201-NL205 spacing, and
#: the blanks left where markup was masked), REPETITIONS_STYLE (NL501-NL503).
DEFAULT_DISABLED_CATEGORIES = ("TYPOS", "CASING", "TYPOGRAPHY", "REPETITIONS_STYLE")

#: Single LanguageTool rules newslint covers that live in categories we keep.
DEFAULT_DISABLED_RULES = (
    "UPPERCASE_SENTENCE_START",      # NL102 lowercase-sentence-start
    "COMMA_PARENTHESIS_WHITESPACE",  # NL201/NL204 comma and punctuation spacing
    "WHITESPACE_RULE",               # NL205 doubled-space (and masked markup leaves blanks)
    "SENTENCE_WHITESPACE",           # NL203 missing-space-after-sentence-end
    "EN_A_VS_AN",                    # NL304 wrong-indefinite-article
    "ENGLISH_WORD_REPEAT_RULE",      # NL301 doubled-word
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # NL503 repeated-paragraph-opener
    "PHRASE_REPETITION",             # NL301/NL501 repeated words and phrases
    "DOUBLE_PUNCTUATION",            # NL206 repeated-punctuation
    "UNPAIRED_BRACKETS",             # NL207/NL208 unbalanced brackets and quotes
    "EN_UNPAIRED_BRACKETS",
    "EN_UNPAIRED_QUOTES",
    "PUNCTUATION_PARAGRAPH_END",     # headings and list items end without a period by design
    "MORFOLOGIK_RULE_EN_US",         # NL302/NL303 spelling, for every English variant
    "MORFOLOGIK_RULE_EN_GB",
    "MORFOLOGIK_RULE_EN_AU",
    "MORFOLOGIK_RULE_EN_CA",
    "MORFOLOGIK_RULE_EN_NZ",
    "MORFOLOGIK_RULE_EN_ZA",
)


class LanguageToolMatch(Rule):
    """Report what a LanguageTool server finds in the prose (grammar, confused words, style).

    What it does:
        Sends the article's prose, paragraph by paragraph, to a LanguageTool
        server and reports each match as "{message} ({ruleId})" at the matched
        words. Only prose is sent: code, URLs, HTML, front matter, table pipes
        and delimiter rows, heading and list markers and Markdown emphasis and
        link brackets are replaced by spaces first, so offsets map back onto the
        source exactly. Results are cached per paragraph for the process, and
        paragraphs are batched into few requests.

        The rule is on by default but does nothing until a server is
        configured; it never downloads LanguageTool. Without a server, or when
        the server cannot be reached, it prints one line on stderr once per
        process (the one exception to "rules never print") and reports
        nothing; the other rules run as usual.

    Why is this bad?
        Machine-generated copy has agreement errors, confused words and broken
        constructions that pattern rules cannot see; LanguageTool's grammar
        rules catch many of them.

    Fix safety:
        LanguageTool's first suggestion is offered as an unsafe fix: it is
        often, not always, the right correction. No fix is offered when the
        match covers masked markup.

    Options:
        server: URL of a LanguageTool server, e.g. "http://127.0.0.1:8081".
        local-path: a local LanguageTool folder holding languagetool-server.jar
        (needs java); its server is started once per process and stopped at
        exit. Nothing is downloaded: without a jar the rule stays idle.
        language: the language code sent with each request (default "en-US").
        disabled-categories: LanguageTool category ids to disable (default:
        TYPOS, CASING, TYPOGRAPHY, REPETITIONS_STYLE, which newslint's own rules
        cover). Setting it replaces the default.
        disabled-rules: LanguageTool rule ids to disable (default: the ones
        newslint's spacing, case, spelling, article and doubled-word rules
        cover). Setting it replaces the default.
        timeout: seconds to wait for each request (default 30).
    """

    code = "NL901"
    name = "languagetool-match"
    severity = Severity.WARNING
    category = "grammar"
    fix_applicability = "unsafe"
    default_enabled = True
    options = {
        "server": Option("", "URL of a LanguageTool server, e.g. http://127.0.0.1:8081", str),
        "local-path": Option("", "A local LanguageTool folder with languagetool-server.jar (never downloaded)", str),
        "language": Option("en-US", "Language code sent to LanguageTool", str),
        "disabled-categories": Option(list(DEFAULT_DISABLED_CATEGORIES),
                                      "LanguageTool category ids to disable (replaces the default)", list),
        "disabled-rules": Option(list(DEFAULT_DISABLED_RULES),
                                 "LanguageTool rule ids to disable (replaces the default)", list),
        "timeout": Option(30, "Seconds to wait for each LanguageTool request", (int, float)),
    }
    bad_examples = (
        Example("Officials said he go to the talks on Monday.", "Officials said he goes to the talks on Monday."),
        Example("The minister have resigned.", "The minister has resigned."),
        Example("Their going to vote on Tuesday.", "They're going to vote on Tuesday."),
    )
    good_examples = (
        Example("Officials said he goes to the talks on Monday."),
        Example("The minister has resigned."),
        Example("Run `he go build` to compile.\n", markdown=True),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        options = {**self.default_options(), **dict(ctx.options)}
        url = _server_url(options)
        if url is None:
            return
        language = str(options["language"] or "en-US")
        timeout = float(options["timeout"] or 30)
        categories = frozenset(str(c).upper() for c in options["disabled-categories"])
        rules = frozenset(str(r) for r in options["disabled-rules"])

        masked = mask_document(doc)
        if not masked.units:
            return
        tool = lt.get_client(url, language, timeout)
        if tool is None:
            return
        tool.disabled_categories = set(categories)
        tool.disabled_rules = set(rules)
        key = (url, language, tuple(sorted(categories)), tuple(sorted(rules)))
        try:
            results = lt.check_paragraphs(tool, key, [u.text for u in masked.units], categories, rules)
        except Exception as exc:  # never raise: one line on stderr, other rules go on
            lt.mark_failed(url, language, timeout, exc)
            return
        for unit in masked.units:
            for m in results.get(unit.text, ()):
                start = unit.start + m.offset
                end = min(unit.start + m.offset + m.length, unit.end)
                if m.length and end <= start:
                    continue
                fix = None
                if m.replacements and not any(i in masked.markup for i in range(start, end)):
                    first = m.replacements[0]
                    fix = self.fix(start, end, first, f"Replace with '{first}'", safe=False)
                yield self.finding(start, end, f"{m.message} ({m.rule_id})", fix,
                                   languagetool={"rule": m.rule_id, "category": m.category})


def _server_url(options: dict[str, Any]) -> str | None:
    server = str(options.get("server") or "").strip()
    if server:
        # language-tool-python appends "v2/" to the URL: accept ".../v2" too, keep any path prefix.
        server = server.rstrip("/")
        if server.endswith("/v2"):
            server = server[:-3]
        return server + "/"
    local = str(options.get("local-path") or "").strip()
    if local:
        return lt.local_server_url(local, float(options.get("timeout") or 30))
    lt.report_once("no-server", "no LanguageTool server configured; set "
                   "rule-options.languagetool-match.server (or local-path) to enable NL901")
    return None
