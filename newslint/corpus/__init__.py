"""Cross-article boilerplate detection at archive scale (`newslint corpus`).

Sentences and paragraphs ("units") of every article are normalised into word
shingles and summarised as MinHash signatures (datasketch). Signatures and
per-unit metadata live in a SQLite store (`newslint.corpus.index`), never the
texts; locality-sensitive hashing over the stored signatures
(`newslint.corpus.detect`) groups near-duplicate units into clusters, and a
cluster spanning at least `min-articles` articles is reported as NL701
`cross-article-boilerplate` on each occurrence.

Needs the optional dependency `datasketch` (`pip install "newslint[corpus]"`);
`--executor dask` also needs `dask[distributed]` (`pip install "newslint[dask]"`).
"""

from __future__ import annotations

from ..errors import UsageError

RULE_CODE = "NL701"
RULE_NAME = "cross-article-boilerplate"
RULE_CATEGORY = "boilerplate"

INSTALL_CORPUS = 'newslint corpus needs datasketch: pip install "newslint[corpus]"'
INSTALL_DASK = '--executor dask needs dask.distributed: pip install "newslint[dask]"'


def require_datasketch():
    """The datasketch module, or a one-line UsageError saying how to install it."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        raise UsageError(INSTALL_CORPUS) from None
    return datasketch


def check_against_index(*args, **kwargs):
    """See `newslint.corpus.check.check_against_index` (imported lazily)."""
    from .check import check_against_index as impl

    return impl(*args, **kwargs)


__all__ = ["RULE_CODE", "RULE_NAME", "RULE_CATEGORY", "require_datasketch", "check_against_index"]
