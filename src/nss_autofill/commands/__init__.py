"""The subcommands (``init``, ``check``, ``plan``, ``doctor``, ``recognize``, …): each reads its
input, calls the profile, engine or run packages, prints, and returns an exit code."""
