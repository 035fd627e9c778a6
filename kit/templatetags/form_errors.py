"""The error summary every portal form shows when it comes back with errors.

Crispy renders it for every form it draws (`templates/bootstrap5/errors.html`); the few forms
written out by hand call `{% error_summary form %}` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class SummaryItem:
    message: str
    anchor: str = ""  # the id of the input to land on; empty for errors of the whole form
    label: str = ""  # the field's label: "This field is required." alone would not say which


def field_anchor(field: forms.BoundField) -> str:
    """The id a summary link lands on: the field's own input, or the first of its inputs when
    the widget draws several (checkboxes, radios), whose label names no input. Empty when the
    widget draws no input at all (a list of choices that is empty).

    A widget made of several inputs (a MultiWidget: the day, month and year boxes) numbers
    their ids after the field's; the link lands on the first one at fault where the widget
    can tell (`first_wrong_index`), else on the first one."""
    widget = field.field.widget
    if isinstance(widget, forms.MultiWidget) and field.auto_id:
        index = (
            widget.first_wrong_index(field.value()) if hasattr(widget, "first_wrong_index") else 0
        )
        return f"{field.auto_id}_{index}"
    if field.id_for_label:
        return field.id_for_label
    first = next(iter(field.subwidgets), None)
    return (first and first.data["attrs"].get("id")) or ""


def summary_items(form: forms.BaseForm) -> list[SummaryItem]:
    """Errors of the whole form first (as text), then each field's in the form's order.

    A hidden field's error has no input a person could fix, so it is told as text.
    """
    items = [SummaryItem(str(message)) for message in form.non_field_errors()]
    for field in form:
        if field.is_hidden:
            items += [SummaryItem(str(message)) for message in field.errors]
            continue
        anchor, label = field_anchor(field), str(field.label or "")
        items += [
            # "Due date: Due date must include a month" would say the label twice.
            SummaryItem(str(message), anchor, "" if str(message).startswith(label) else label)
            for message in field.errors
        ]
    return items


@register.inclusion_tag("includes/_error_summary.html")
def error_summary(form: forms.BaseForm | None) -> dict:
    return {"items": summary_items(form) if form is not None and form.errors else []}
