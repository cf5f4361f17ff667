"""Safe YAML loading that remembers the line of every mapping key (for error messages).

PyYAML is imported on first use: runs served from the data cache never parse YAML.
"""

from __future__ import annotations

from typing import Any


class LineDict(dict):
    """A dict that knows the 1-based line of each key and of itself."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


def _safe_loader() -> Any:
    """libyaml's safe loader when the C extension is present (about 4x faster), else the pure one."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml when available."""
    import yaml

    CSafeLoader = _safe_loader()  # libyaml's safe loader, or the pure-Python SafeLoader
    return yaml.load(text, Loader=CSafeLoader)


def load_yaml_with_lines(text: str) -> Any:
    """Parse YAML with the safe loader; mappings become LineDict, sequences LineList."""
    loader = _safe_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _convert(loader, node)
    finally:
        loader.dispose()


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap"}


def _convert(loader: Any, node: Any) -> Any:
    import yaml

    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        # Scalars with unknown tags are refused by the safe constructor; collections
        # are walked here, so refuse their tags (e.g. !!python/object/apply) too.
        raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r} is not allowed", node.start_mark)
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark)
            out[key] = _convert(loader, value_node)
            out.key_lines[str(key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_convert(loader, item) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    return loader.construct_object(node, deep=True)


def line_of(mapping: Any, key: str | None = None) -> int:
    if key is not None and isinstance(mapping, LineDict):
        return mapping.key_lines.get(key, mapping.line)
    return getattr(mapping, "line", 0)
