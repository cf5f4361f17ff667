"""Plugin discovery with pluggy: built-ins first, then the `newslint` entry points."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Iterable

import pluggy

from . import hookspecs
from .errors import PluginError

ENTRY_POINT_GROUP = "newslint"

#: Built-in plugin modules, registered exactly like third-party plugins.
BUILTIN_PLUGINS = (
    "newslint.builtin",
)


@dataclass(frozen=True)
class PluginInfo:
    name: str
    source: str  # "built-in" or "plugin <distribution>"


def create_plugin_manager(blocked: Iterable[str] = ()) -> tuple[pluggy.PluginManager, dict[str, PluginInfo]]:
    """A plugin manager holding the built-ins and every installed, unblocked plugin."""
    blocked = {b.lower() for b in blocked}
    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    info: dict[str, PluginInfo] = {}
    for module_name in BUILTIN_PLUGINS:
        module = importlib.import_module(module_name)
        pm.register(module, name=module_name)
        info[module_name] = PluginInfo(module_name, "built-in")
    for ep in _entry_points():
        dist = ep.dist.name if ep.dist is not None else "?"
        if ep.name.lower() in blocked or dist.lower() in blocked:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not produce a traceback
            raise PluginError(
                f"plugin {ep.name!r} (from {dist}) failed to load: {type(exc).__name__}: {exc}; "
                f"block it with blocked-plugins = [\"{ep.name}\"]"
            ) from exc
        if pm.is_registered(plugin):
            continue
        try:
            pm.register(plugin, name=ep.name)
        except ValueError as exc:
            raise PluginError(f"plugin {ep.name!r} (from {dist}) could not be registered: {exc}") from exc
        info[ep.name] = PluginInfo(ep.name, f"plugin {dist}")
    return pm, info


def _entry_points() -> list[Any]:
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def call_each(pm: pluggy.PluginManager, hook_name: str) -> list[tuple[str, Any]]:
    """Call a hook on each plugin separately so results stay attributed to their plugin."""
    hook = getattr(pm.hook, hook_name)
    results = []
    for impl in reversed(hook.get_hookimpls()):  # registration order
        try:
            value = impl.function()
        except Exception as exc:
            raise PluginError(f"plugin {impl.plugin_name!r} raised in {hook_name}(): {type(exc).__name__}: {exc}") from exc
        if value is not None:
            results.append((impl.plugin_name, value))
    return results
