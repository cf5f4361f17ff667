"""Synthetic news-like articles with planted shared templates (for the benchmark and tests).

Filler sentences are drawn from a large made-up vocabulary, so they almost
never collide; each template paragraph is planted, lightly reworded (a word
swapped for a "synonym", a word inserted, or a number changed), into many
articles. `Corpus.truth` records where each planted copy went.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

FUNCTION = ("the of and to in a for on that with as by at from was is were has had said will would "
            "after before over under about into than its their this which while when but also").split()
CITIES = ["WASHINGTON", "LONDON", "NAIROBI", "SYDNEY", "TORONTO", "MUMBAI", "BERLIN", "LIMA", "OSLO", "DENVER"]
INSERTS = ["also", "reportedly", "now", "still", "again", "officially", "quietly", "already"]
FIRST = ["Jane", "Omar", "Li", "Maria", "Tom", "Aisha", "Pavel", "Nora", "Kenji", "Ruth"]
LAST = ["Doe", "Haddad", "Chen", "Silva", "Brown", "Okafor", "Novak", "Berg", "Sato", "Levy"]


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    onsets = "b c d f g h j k l m n p r s t v w z br cr dr fr gr pl pr st tr ch sh th".split()
    vowels = "a e i o u ai ea ee oo ou".split()
    codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng"]
    words: set[str] = set()
    while len(words) < n:
        syl = rng.randint(1, 3)
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syl)))
    return sorted(words)


@dataclass
class Corpus:
    vocab: list[str]
    templates: list[str]
    rng: random.Random
    #: article index -> [(template id, 1-based line of the planted paragraph)]
    truth: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def create(cls, seed: int = 7, n_templates: int = 20, vocab_size: int = 20000) -> "Corpus":
        rng = random.Random(seed)
        vocab = _vocabulary(rng, vocab_size)
        corpus = cls(vocab, [], rng)
        corpus.templates = [corpus.paragraph(rng.randint(3, 4), lo=14, hi=22) for _ in range(n_templates)]
        return corpus

    def sentence(self, lo: int = 10, hi: int = 24) -> str:
        rng = self.rng
        n = rng.randint(lo, hi)
        words = [rng.choice(FUNCTION) if rng.random() < 0.35 else rng.choice(self.vocab) for _ in range(n)]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 9000)))
        words[0] = words[0].capitalize()
        return " ".join(words) + rng.choice([".", ".", ".", "!", "?"] if rng.random() < 0.05 else ["."])

    def paragraph(self, sentences: int, lo: int = 10, hi: int = 24) -> str:
        return " ".join(self.sentence(lo, hi) for _ in range(sentences))

    def reword(self, text: str) -> str:
        """A light rewording: one or two of swap-a-word, insert-a-word, change-a-number."""
        rng = self.rng
        words = text.split(" ")
        for _ in range(rng.randint(1, 2)):
            op = rng.random()
            i = rng.randrange(1, len(words) - 1)
            if op < 0.45:
                tail = words[i][-1] if words[i][-1] in ".,;" else ""
                words[i] = rng.choice(self.vocab) + tail  # a "synonym"
            elif op < 0.9:
                words.insert(i, rng.choice(INSERTS))
            else:
                words.insert(i, str(rng.randint(2, 99)))
        text = " ".join(words)
        if rng.random() < 0.3:
            text = text.replace("'", "\u2019")
        return text

    def article(self, index: int, planted: list[int]) -> str:
        """One article; `planted` template ids each go in as their own (reworded) paragraph."""
        rng = self.rng
        paras = [self.paragraph(rng.randint(2, 4)) for _ in range(rng.randint(4, 7))]
        if rng.random() < 0.5:
            paras[0] = f"{rng.choice(CITIES)} (AP) \u2014 " + paras[0]
        slots = sorted(rng.sample(range(1, len(paras) + 1), k=min(len(planted), len(paras))), reverse=True)
        placed: dict[int, int] = {}
        for tid, slot in zip(planted, slots):
            paras.insert(slot, self.reword(self.templates[tid]))
        lines = [" ".join(self.sentence(3, 7).rstrip(".?!").split()[:7]), ""]
        for p in paras:
            for tid in planted:
                if tid not in placed and p is not None and _same_template(p, self.templates[tid]):
                    placed[tid] = len(lines) + 1
            lines.extend([p, ""])
        lines.append(f"Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; Editing by {rng.choice(FIRST)} {rng.choice(LAST)}")
        self.truth[index] = sorted((tid, line) for tid, line in placed.items())
        return "\n".join(lines) + "\n"

    def plan(self, n_articles: int, lo: int = 50, hi: int = 500) -> dict[int, list[int]]:
        """Which articles get which templates: each template into lo..hi distinct articles."""
        rng = self.rng
        plan: dict[int, list[int]] = {}
        for tid in range(len(self.templates)):
            count = min(n_articles, rng.randint(lo, hi))
            for a in rng.sample(range(n_articles), count):
                plan.setdefault(a, []).append(tid)
        return plan

    def write(self, folder: Path, n_articles: int, plan: dict[int, list[int]]) -> int:
        """Write article-00000.txt ... into `folder`; returns the bytes written."""
        folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for i in range(n_articles):
            data = self.article(i, plan.get(i, [])).encode()
            sub = folder / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(exist_ok=True)
            (sub / f"article-{i:06d}.txt").write_bytes(data)
            total += len(data)
        return total


def path_of(folder: Path, i: int) -> Path:
    return folder / f"{i // 1000:03d}" / f"article-{i:06d}.txt"


def _same_template(paragraph: str, template: str) -> bool:
    a, b = set(paragraph.split()), set(template.split())
    return len(a & b) >= 0.6 * len(b)
