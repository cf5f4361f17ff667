"""Rules about newslint itself (suppression comments)."""

from __future__ import annotations

from typing import Iterable

from ..diagnostic import Finding, Severity
from ..document import Document
from ..rule import Example, Rule, RuleContext


class UnusedSuppression(Rule):
    """Report suppression comments that suppress nothing.

    What it does:
        Flags `<!-- newslint-disable ... -->` comments (and their -next-line,
        -line and -file forms) that did not hide any finding.

    Why is this bad?
        A stale suppression hides future real defects in that place and
        tells readers something that is no longer true.

    Fix safety:
        Removing the comment is offered as an unsafe fix: the comment may be
        kept on purpose for a rule that is currently deselected.
    """

    code = "NL001"
    name = "unused-suppression"
    severity = Severity.INFO
    category = "meta"
    fix_applicability = "unsafe"
    bad_examples = (
        Example("<!-- newslint-disable-next-line NL201 -->\nTalks resumed, despite the rain.\n"),
        Example("<!-- newslint-disable-file NL301 -->\nA clean sentence.\n"),
        Example("<!-- newslint-disable-line NL201 --> Fine text here.\n"),
    )
    good_examples = (
        Example("<!-- newslint-disable-next-line NL201 -->\nTalks resumed,despite the rain.\n"),
        Example("A sentence with no comments at all.\n"),
        Example("<!-- a normal HTML comment -->\nText.\n"),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Finding]:
        # The engine reports unused suppressions itself: only it knows which
        # findings each comment hid. This rule exists to be selected/ignored.
        return ()
