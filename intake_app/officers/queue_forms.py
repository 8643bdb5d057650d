"""The queue's filters: a GET form, so a filtered queue is a link officers can share.

Choices come from the taxonomy (and the channels every draft is checked against). A value
not among them (an old bookmark, a hand-edited link) is dropped with a message saying so,
never a server error. Every name shown goes through the catalogue or is a taxonomy label:
none is made up from a key.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import BooleanField, SearchField, SelectField

from ..domain.draft import CHANNELS
from ..services import queue
from ..staff_labels import CHANNEL_NAMES
from ..taxonomy import keys, label

# The taxonomy's labels of intake statuses and priorities explain them in a sentence, too
# long for a table cell or a list of choices: these are their short names.
SHORT_NAMES: dict[str, dict[str, LazyString]] = {
    "intake_statuses": {
        "received": _l("Received, not triaged"),
        "triaged": _l("Triaged"),
        "needs_review": _l("Needs review"),
        "forwarded": _l("Forwarded, awaiting receipt"),
        "accepted": _l("Accepted by the case store"),
        "delivery_failed": _l("Delivery failed"),
        "withdrawn": _l("Withdrawn"),
    },
    "priorities": {"urgent": _l("Urgent"), "high": _l("High"), "normal": _l("Normal")},
}


def choice_name(section: str, key: str) -> str:
    """A short name for a taxonomy key: its short name, or the label up to its " - "
    explanation (a key added to the taxonomy later still gets its label, not its key)."""
    short = SHORT_NAMES.get(section, {}).get(key)
    return str(short) if short is not None else label(section, key).split(" - ", 1)[0]


def _choices(section: str, anything: str) -> list[tuple[str, str]]:
    return [("", anything), *((key, choice_name(section, key)) for key in keys(section))]


def _status_choices() -> list[tuple[str, str]]:
    open_statuses = [(key, _("Open: %(status)s", status=choice_name("intake_statuses", key)))
                     for key in keys("intake_statuses") if key != queue.WITHDRAWN]
    return [(queue.OPEN, _("Open records")), *open_statuses,
            (queue.UNHANDLED_ALERTS, _("Safeguarding alert not yet handled (any status)")),
            (queue.WITHDRAWN, _("Withdrawn")),
            (queue.CLOSED, _("Closed (or resolved informally)")),
            (queue.DUPLICATE, _("Marked duplicate")), (queue.ALL, _("All records"))]


def _category_choices() -> dict[str, list[tuple[str, str]]]:
    return {
        "": [("", _("Any category"))],
        _("Complaint categories"): _choices("complaint_categories", "")[1:],
        _("Compliment categories"): [
            (key, choice_name("compliment_categories", key))
            for key in keys("compliment_categories") if key not in keys("complaint_categories")],
    }


class QueueFilterForm(FlaskForm):
    reference = SearchField(_l("Reference"))
    type = SelectField(_l("Type"), validate_choice=False)
    status = SelectField(_l("Status"), validate_choice=False)
    priority = SelectField(_l("Priority"), validate_choice=False)
    category = SelectField(_l("Category (primary or secondary)"), validate_choice=False)
    service_area = SelectField(_l("Service area"), validate_choice=False)
    channel = SelectField(_l("Channel"), validate_choice=False)
    procedure = SelectField(_l("Procedure"), validate_choice=False)
    advocate = BooleanField(_l("Advocate requested"))
    mine = BooleanField(_l("Assigned to me"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, meta={"csrf": False}, **kwargs)
        self.type.choices = _choices("representation_types", _("Any type"))
        self.status.choices = _status_choices()
        self.priority.choices = _choices("priorities", _("Any priority"))
        self.category.choices = _category_choices()
        self.service_area.choices = _choices("service_areas", _("Any service area"))
        self.channel.choices = [("", _("Any channel")), *(
            (channel, str(CHANNEL_NAMES[channel])) for channel in CHANNELS)]
        self.procedure.choices = _choices("procedures", _("Any procedure"))

    def filters(self) -> tuple[queue.QueueFilters, list[str]]:
        """The filters to apply, and a message for each value that had to be dropped."""
        problems: list[str] = []
        values: dict[str, str] = {}
        for field in (self.type, self.status, self.priority, self.category,
                      self.service_area, self.channel, self.procedure):
            value = (field.data or "").strip()
            if value and value not in _known(field):
                problems.append(_("There is no %(field)s called “%(value)s”, so that filter "
                                  "is not used. Please choose one from the list.",
                                  field=str(field.label.text).lower(), value=value))
                field.data = field.default or ""
                continue
            if value:
                values[field.name] = value
        return queue.QueueFilters(**values, advocate=bool(self.advocate.data),
                                  mine=bool(self.mine.data)), problems


def _known(field: SelectField) -> set[str]:
    choices = field.choices
    groups = choices.values() if isinstance(choices, dict) else [choices]
    return {value for group in groups for value, _name in group}
