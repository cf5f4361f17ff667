"""A house rule written in Python: datelines take a dash ("KYIV, Ukraine — ...")."""

import re

from newslint import Example, Rule, Severity

_DATELINE = re.compile(r"^([A-Z][A-Z .'-]{2,}, [A-Z][\w .'-]+?)(?: ?[-\u2013] | ?: | (?=[A-Z]))")


class DatelineMissingDash(Rule):
    """Report a dateline that is not followed by an em dash.

    What it does:
        Flags paragraphs that open with a dateline ("KYIV, Ukraine") followed by a
        hyphen, an en dash, a colon or nothing, instead of " — ".

    Why is this bad?
        The house style sets datelines off with an em dash; wire copy that arrives
        with hyphens looks unedited.

    Fix safety:
        Replacing the separator with " — " is safe.
    """

    code = "EX101"
    name = "dateline-missing-dash"
    severity = Severity.WARNING
    category = "style"
    fix_applicability = "safe"
    bad_examples = (
        Example("KYIV, Ukraine - Talks resumed on Monday.", "KYIV, Ukraine \u2014 Talks resumed on Monday."),
        Example("MOSCOW, Russia: The Kremlin said nothing.", "MOSCOW, Russia \u2014 The Kremlin said nothing."),
        Example("LONDON, England \u2013 Rain fell.", "LONDON, England \u2014 Rain fell."),
    )
    good_examples = (
        Example("KYIV, Ukraine \u2014 Talks resumed on Monday."),
        Example("Kyiv, the capital, was quiet - for now."),
        Example("NATO, the alliance, met on Monday."),
    )

    def check(self, doc, ctx):
        for block in doc.prose_blocks():
            m = _DATELINE.match(doc.prose, block.content_start, block.end)
            if m is None:
                continue
            sep_start, sep_end = m.end(1), m.end()
            yield self.finding(block.content_start, sep_end, f"Dateline '{m.group(1)}' should be followed by ' \u2014 '",
                               self.fix(sep_start, sep_end, " \u2014 ", "Use an em dash after the dateline"))
