"""Asking the operator, one question at a time: prompt_toolkit in a terminal, plain lines
otherwise (a pipe, a test).

Why prompt_toolkit: it is the well-kept library under IPython and questionary; on Windows it
talks to the console through the Win32 API (WriteConsoleW/ReadConsoleW), so Japanese shows and
types (IME included) whatever the console's code page — cp932 included — and it offers what a
form needs: an answer pre-filled for editing (the Cyber Port defaults), completion from a list
(the 19 業種), history. Its own test input (``create_pipe_input``) drives it from tests, and
with no terminal at all :class:`LinePrompter` reads plain lines, so answers can be piped in.

Checking an answer is not the prompter's job: ``profile/interview.py`` checks it with the
profile's own rules and asks again with the message.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, Protocol, TextIO


class Prompter(Protocol):
    def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str:
        """The answer (``default`` when the operator just presses Enter)."""
        ...

    def say(self, text: str) -> None:
        """A line for the operator (a message, a summary)."""
        ...


class LinePrompter:
    """Questions on ``output``, answers read line by line from ``source``."""

    def __init__(self, source: TextIO | None = None, output: TextIO | None = None) -> None:
        self.source = source if source is not None else sys.stdin
        self.output = output if output is not None else sys.stderr

    def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str:
        hint = f" [{default}]" if default else ""
        self.output.write(f"{question}{hint}: ")
        self.output.flush()
        line = self.source.readline()
        if not line:  # the input ended: the operator cannot answer any more
            raise EOFError
        return line.rstrip("\r\n").strip() or default

    def say(self, text: str) -> None:
        self.output.write(text + "\n")
        self.output.flush()


class ToolkitPrompter:
    """prompt_toolkit's prompt: the default pre-filled, Tab completes from ``choices``."""

    def __init__(self, **session: Any) -> None:
        from prompt_toolkit import PromptSession

        self.session: PromptSession[str] = PromptSession(**session)
        self.output = session.get("output")

    def ask(self, question: str, default: str = "", choices: Sequence[str] = ()) -> str:
        from prompt_toolkit.completion import WordCompleter

        completer = WordCompleter(list(choices), match_middle=True) if choices else None
        # in its own thread: prompt_toolkit starts an asyncio loop, and one may already run
        # in this thread (Playwright's sync API leaves one behind)
        answer: str = self.session.prompt(
            f"{question}: ",
            default=default,
            completer=completer,
            complete_while_typing=True,
            in_thread=True,
        )
        return answer.strip()

    def say(self, text: str) -> None:
        from prompt_toolkit import print_formatted_text

        print_formatted_text(text, output=self.output)


def make_prompter() -> Prompter:
    """prompt_toolkit on a terminal, plain lines when stdin or stderr is not one."""
    if sys.stdin.isatty() and sys.stderr.isatty():
        return ToolkitPrompter()
    return LinePrompter()
