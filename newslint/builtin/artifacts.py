"""Placeholder: rules of this family are being written."""

from __future__ import annotations

RULES: list = []
