"""An audit as a Markdown document, as the person downloading it sees it:
the frozen figures with the comparison, their own reflection, the
partner's only if they may read it, and the commitments they can see."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _


def _quote(text: str) -> str:
    """Someone's words as a Markdown quote, so nothing they wrote can turn
    into headings or links of the document around it."""
    lines = (text or "").strip().splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def audit_markdown(context: dict, *, viewer) -> str:
    out = [
        *_heading(context, viewer),
        *_figures(context),
        *_reflections(context, viewer),
        *_commitments(context, viewer),
        "",
    ]
    return "\n".join(out)


def _heading(context: dict, viewer) -> list[str]:
    audit = context["audit"]
    first = formats.date_format(context["first_day"], "DATE_FORMAT")
    last = formats.date_format(context["last_day"], "DATE_FORMAT")
    out = [
        "# "
        + _("Trust audit, %(month)s")
        % {"month": formats.date_format(audit.month, "YEAR_MONTH_FORMAT")},
        "",
        _("Covers %(first)s to %(last)s.") % {"first": first, "last": last},
    ]
    if audit.is_closed:
        out.append(
            _("Closed on %(date)s: both partners signed it off.")
            % {
                "date": formats.date_format(
                    audit.closed_at.astimezone(viewer.tz).date(), "DATE_FORMAT"
                )
            }
        )
    else:
        out.append(_("Still open: not yet signed off by both partners."))
    return out


def _figures(context: dict) -> list[str]:
    out = [
        "",
        _(
            "The figures were frozen when the audit was drafted. How each is computed: docs/figures/audit-figures.md in Troth's source."
        ),
        "",
        "## " + _("The month in figures"),
    ]
    # The same few sentences the page opens with (troth/audits/story.py).
    for sentence in context.get("story", []):
        out += ["", _cell(sentence)]
    for section, items in context["sections"]:
        out += ["", "### " + section, ""]
        header = [_("Figure"), _("This audit")]
        if context["previous"] is not None:
            header += [_("The audit before"), _("Change")]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for item in items:
            cells = [_cell(item.row.label), item.row.shown]
            if context["previous"] is not None:
                cells += [
                    item.before.shown if item.before else "–",
                    item.change_shown or "–",
                ]
            out.append("| " + " | ".join(cells) + " |")
    if not context["shared_pulse_names"]:
        out += [
            "",
            _(
                "Neither of you shares the daily pulse, so it is not part of this audit."
            ),
        ]
    return out


def _reflections(context: dict, viewer) -> list[str]:
    out = ["", "## " + _("Reflections")]
    labels = (
        ("went_well", _("What went well")),
        ("differently", _("What I want to do differently")),
        ("need", _("What I need from you")),
    )
    shown = [r for r in [context["mine"], *context["theirs"]] if r is not None]
    if not shown:
        out += ["", _("No reflection you can read yet.")]
    for reflection in shown:
        who = _("You") if reflection.author_id == viewer.pk else str(reflection.author)
        out += ["", "### " + who]
        for field, label in labels:
            text = getattr(reflection, field)
            if text:
                out += ["", f"**{label}**", "", _quote(text)]
    if context["partner"] is not None and not context["theirs"]:
        out += [
            "",
            _(
                "%(name)s's reflection is not included: you see it once you have both written yours."
            )
            % {"name": context["partner"]},
        ]
    return out


def _commitments(context: dict, viewer) -> list[str]:
    out = ["", "## " + _("Commitments for next month")]
    if not context["commitments"]:
        return [*out, "", _("No commitments.")]
    out.append("")
    for c in context["commitments"]:
        who = _("You") if c.author_id == viewer.pk else str(c.author)
        due = formats.date_format(c.due_date, "DATE_FORMAT")
        state = _("now a promise") if c.promise_id else _("proposed")
        text = " ".join(c.text.split())
        out.append(f"- {who}: {text} ({_('by %(date)s') % {'date': due}}, {state})")
    return out
