"""Subcommands beyond check/rules/explain, one module each: `add_parser(sub)` and `run(args)`."""
