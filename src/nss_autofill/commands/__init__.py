"""The commands, one module each (``run``, ``init``, ``check``, ``plan``, ``mock_server``,
``doctor``, ``recognize``, ``record``): ``add_parser(subparsers)`` declares its part of the
command line, ``run(ns, lang) -> int`` reads its input, calls the profile, engine or run
packages, prints, and returns the exit code. ``cli.py`` wires them together."""
