"""What the run says about a page's fields: the report entry, the action log, the operator's lines.

Values of sensitive fields (the login) are masked before they reach any of the three.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from ..engine.status import FieldStatus
from ..i18n import Msg
from . import messages as M
from .report import MASK, FieldEntry, PageEntry, StepEntry

if TYPE_CHECKING:
    from ..engine.filling import PageFill
    from ..site.catalogue import PageSpec
    from .audit import AuditBundle

_COUNTED: dict[FieldStatus, str] = {
    FieldStatus.FILLED: "filled",
    FieldStatus.UNCHANGED: "unchanged",
    FieldStatus.KEPT: "kept",
    FieldStatus.SKIPPED: "skipped",
    FieldStatus.MANUAL: "skipped",
}


class Say(Protocol):
    def __call__(self, msg: Msg, *, level: int = 1, **kw: Any) -> None: ...


def _sensitive(spec: PageSpec, field_id: str) -> bool:
    try:
        return bool(spec.field(field_id).sensitive)
    except KeyError:
        return False


def log_fill(
    spec: PageSpec, fill: PageFill, entry: PageEntry, audit: AuditBundle, say: Say
) -> None:
    """Record every field and helper step of ``fill`` and tell the operator the counts (every
    problem on its own line; with ``-v`` every field)."""
    counts = {"filled": 0, "unchanged": 0, "kept": 0, "skipped": 0, "problems": 0}
    for res in fill.fields:
        value = MASK if _sensitive(spec, res.field_id) else " / ".join(res.values)
        status = res.status.value
        entry.fields.append(FieldEntry(res.field_id, res.label, value, status, res.detail))
        audit.log(
            "field",
            page_id=spec.id,
            field=res.field_id,
            label=res.label,
            value=value,
            status=status,
            detail=res.detail,
        )
        key = _COUNTED.get(res.status, "problems")
        counts[key] += 1
        if key == "problems":
            say(M.FIELD_PROBLEM, level=0, label=res.label, status=status, detail=res.detail)
        else:
            say(M.FIELD_LINE, level=2, label=res.label, status=status, value=value)
    for st in fill.steps:
        entry.steps.append(StepEntry(st.kind, st.caption, st.ok, st.detail, st.row))
        audit.log(
            "step", page_id=spec.id, kind=st.kind, caption=st.caption, ok=st.ok, detail=st.detail
        )
        if not st.ok:
            counts["problems"] += 1
            say(M.FIELD_PROBLEM, level=0, label=st.caption, status="error", detail=st.detail)
    say(M.FILLED, **counts)
