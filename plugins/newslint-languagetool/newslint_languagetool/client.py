"""Talking to LanguageTool: clients, a local-folder launcher, the paragraph cache.

Nothing here downloads anything. A server is either given by URL (`server`)
or started from an existing local LanguageTool folder (`local-path`) with the
same command language-tool-python itself uses; language-tool-python's own
local mode is deliberately not used, because it calls its downloader before
every (re)start of the server.
"""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

PREFIX = "newslint-languagetool"

#: Longest text sent in one request (LanguageTool's public API accepts 20 kB).
MAX_REQUEST_CHARS = 15_000
#: Separator between paragraphs in one request: LanguageTool treats it as a paragraph break.
SEPARATOR = "\n\n"

_LOCK = threading.RLock()
#: Problems already reported on stderr in this process (each one line, once).
_REPORTED: set[str] = set()
#: (server URL, language, timeout) -> client; None once that server failed.
_CLIENTS: dict[tuple[str, str, float], Any] = {}
#: local folder -> URL of the server started from it (None when it failed).
_LOCAL_SERVERS: dict[str, str | None] = {}
_LOCAL_PROCESSES: list[subprocess.Popen] = []
#: (server, language, disabled categories, disabled rules, paragraph text) -> matches.
_CACHE: dict[tuple[Any, ...], tuple["LTMatch", ...]] = {}
_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class LTMatch:
    """A LanguageTool match, offsets in code points relative to its paragraph."""

    offset: int
    length: int
    message: str
    rule_id: str
    category: str
    replacements: tuple[str, ...]


def report_once(key: str, message: str) -> None:
    """Print one line on stderr, once per process per `key` (the plugin's only output)."""
    with _LOCK:
        if key in _REPORTED:
            return
        _REPORTED.add(key)
    print(f"{PREFIX}: {message}", file=sys.stderr, flush=True)


def reset_state() -> None:
    """Forget clients, the cache and what was reported (for tests and long-lived hosts)."""
    with _LOCK:
        _REPORTED.clear()
        _CLIENTS.clear()
        _CACHE.clear()
        _LOCAL_SERVERS.clear()


def cache_size() -> int:
    return len(_CACHE)


# --- clients -------------------------------------------------------------------


def _client_class():
    from language_tool_python import LanguageTool

    class _Client(LanguageTool):
        """language-tool-python's client, remote only, with our request timeout."""

        def __init__(self, *, timeout: float, **kwargs: Any) -> None:
            self._TIMEOUT = timeout  # type: ignore[misc]  # class default is 300 s
            super().__init__(**kwargs)

        def _create_params(self, text: str) -> dict[str, str]:
            params = super()._create_params(text)
            for key in ("disabledRules", "disabledCategories"):  # stable requests, whatever the set order
                if key in params:
                    params[key] = ",".join(sorted(params[key].split(",")))
            return params

        def _start_server_if_needed(self) -> None:  # never start (or download) a local server
            return None

        def _start_local_server(self) -> None:
            raise RuntimeError("newslint-languagetool never starts language-tool-python's local server")

    return _Client


def get_client(url: str, language: str, timeout: float) -> Any | None:
    """A connected client for `url`, or None (reported once) when it cannot be reached."""
    key = (url, language, float(timeout))
    with _LOCK:
        if key in _CLIENTS:
            return _CLIENTS[key]
        client = None
        try:
            client = _client_class()(language=language, remote_server=url, timeout=timeout)
        except ImportError as exc:
            report_once("import", f"language-tool-python is not importable ({exc}); grammar check skipped")
        except ValueError as exc:  # unsupported language tag
            report_once(f"language:{url}:{language}",
                        f"LanguageTool server {url} rejected language {language!r} ({exc}); grammar check skipped")
        except Exception as exc:
            report_once(f"unreachable:{url}", f"LanguageTool server {url} is unreachable "
                        f"({_short(exc)}); grammar check skipped, other rules still run")
        _CLIENTS[key] = client
        return client


def mark_failed(url: str, language: str, timeout: float, exc: BaseException) -> None:
    with _LOCK:
        _CLIENTS[(url, language, float(timeout))] = None
    report_once(f"unreachable:{url}", f"LanguageTool server {url} failed ({_short(exc)}); "
                "grammar check skipped, other rules still run")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


# --- a server from a local LanguageTool folder ---------------------------------------

_JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar")


def find_server_jar(folder: Path) -> Path | None:
    """`languagetool-server.jar` in `folder` or in one `LanguageTool-*` folder inside it."""
    candidates = [folder, *sorted(folder.glob("LanguageTool-*"), reverse=True)] if folder.is_dir() else []
    for directory in candidates:
        for name in _JAR_NAMES:
            jar = directory / name
            if jar.is_file():
                return jar
    return None


def local_server_url(path: str, timeout: float) -> str | None:
    """Start (once per process) the LanguageTool HTTP server of a local folder; its URL or None."""
    folder = Path(path).expanduser().resolve()
    key = str(folder)
    with _LOCK:
        if key in _LOCAL_SERVERS:
            return _LOCAL_SERVERS[key]
        _LOCAL_SERVERS[key] = None
        jar = find_server_jar(folder)
        if jar is None:
            report_once(f"local:{key}", f"no languagetool-server.jar in {folder}; not downloading anything, "
                        "grammar check skipped")
            return None
        java = shutil.which("java")
        if java is None:
            report_once(f"local:{key}", f"java is not on PATH, so the LanguageTool in {folder} cannot start; "
                        "grammar check skipped")
            return None
        port = _free_port()
        # The command language-tool-python builds for its own local server.
        cmd = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "-p", str(port)]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, cwd=str(jar.parent))
        except OSError as exc:
            report_once(f"local:{key}", f"could not start LanguageTool from {folder} ({_short(exc)}); "
                        "grammar check skipped")
            return None
        _LOCAL_PROCESSES.append(proc)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + max(60.0, float(timeout))
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                report_once(f"local:{key}", f"LanguageTool from {folder} exited with code {proc.returncode}; "
                            "grammar check skipped")
                return None
            try:
                with urllib.request.urlopen(f"{url}/v2/languages", timeout=2) as response:
                    if response.status == 200:
                        _LOCAL_SERVERS[key] = url + "/"
                        return url + "/"
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        _stop(proc)
        report_once(f"local:{key}", f"LanguageTool from {folder} did not answer within "
                    f"{max(60.0, float(timeout)):.0f} s; grammar check skipped")
        return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@atexit.register
def _stop_local_servers() -> None:
    while _LOCAL_PROCESSES:
        _stop(_LOCAL_PROCESSES.pop())


# --- checking paragraphs --------------------------------------------------------------


def _end_from_utf16(text: str, start: int, units: int) -> int:
    """Code-point end of a span that starts at `start` and is `units` UTF-16 units long."""
    end = start
    while units > 0 and end < len(text):
        units -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


def batches(texts: Sequence[str], limit: int = MAX_REQUEST_CHARS) -> Iterable[list[str]]:
    """Group paragraphs into requests of at most `limit` characters (a longer paragraph goes alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        extra = len(text) + (len(SEPARATOR) if batch else 0)
        if batch and size + extra > limit:
            yield batch
            batch, size = [], 0
            extra = len(text)
        batch.append(text)
        size += extra
    if batch:
        yield batch


def check_paragraphs(client: Any, cache_key: tuple[Any, ...], texts: Sequence[str],
                     disabled_categories: frozenset[str], disabled_rules: frozenset[str]) -> dict[str, tuple[LTMatch, ...]]:
    """Matches for each distinct paragraph text; only paragraphs not cached are sent.

    Raises whatever the client raises (the caller reports it once).
    """
    results: dict[str, tuple[LTMatch, ...]] = {}
    todo: list[str] = []
    for text in dict.fromkeys(texts):
        hit = _CACHE.get((*cache_key, text))
        if hit is None:
            todo.append(text)
        else:
            results[text] = hit
    for batch in batches(todo):
        joined = SEPARATOR.join(batch)
        starts = []
        pos = 0
        for text in batch:
            starts.append(pos)
            pos += len(text) + len(SEPARATOR)
        found: list[list[LTMatch]] = [[] for _ in batch]
        for m in client.check(joined):
            # language-tool-python already turned `offset` from UTF-16 units into code points.
            start = int(m.offset)
            end = _end_from_utf16(joined, start, int(m.error_length))
            i = _unit_index(starts, start)
            if i < 0 or end > starts[i] + len(batch[i]):
                continue  # a match across the separator: not about one paragraph
            category = str(getattr(m, "category", "") or "")
            rule_id = str(getattr(m, "rule_id", "") or "")
            if category in disabled_categories or rule_id in disabled_rules:
                continue  # the server ignored our request to disable it
            found[i].append(LTMatch(start - starts[i], end - start, str(m.message), rule_id, category,
                                    tuple(str(r) for r in (m.replacements or ()))))
        with _LOCK:
            if len(_CACHE) > _CACHE_LIMIT:
                _CACHE.clear()
            for text, matches in zip(batch, found):
                results[text] = _CACHE[(*cache_key, text)] = tuple(matches)
    return results


def _unit_index(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1
