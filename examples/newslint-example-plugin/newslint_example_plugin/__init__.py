"""Hook implementations: newslint calls these to collect the plugin's rules and packs."""

from pathlib import Path

import newslint

from .rules import DatelineMissingDash


@newslint.hookimpl
def newslint_rules():
    return [DatelineMissingDash]


@newslint.hookimpl
def newslint_rule_packs():
    return [Path(__file__).parent / "packs"]
