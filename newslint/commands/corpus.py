"""`newslint corpus PATH ...`: boilerplate shared across articles (being written)."""

from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser("corpus", help="find sentences and paragraphs shared across many articles")
    p.add_argument("paths", nargs="+", metavar="PATH")


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError

    raise UsageError("newslint corpus is not available yet")
