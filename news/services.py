"""Writes that touch several models: nominations with their images, and the office's decisions."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.models import Event
from audit.services import audit_record
from kit.conflicts import check_version
from kit.images import ProcessedImage, process_image
from kit.mail import email_render
from news.models import (
    PHOTO_RENDITIONS,
    Commendation,
    CommendationForm,
    Nomination,
    NominationImage,
)
from news.sanitize import text_to_html
from outbox.services import message_queue
from units.models import Unit

log = logging.getLogger(__name__)


def _too_many_images(count: int) -> ValidationError:
    return ValidationError(
        ngettext(
            "A nomination can have at most %(max)s photo; this would make %(count)s.",
            "A nomination can have at most %(max)s photos; this would make %(count)s.",
            Nomination.MAX_IMAGES,
        )
        % {"max": Nomination.MAX_IMAGES, "count": count},
        code="too_many_images",
    )


def _add_images(nomination: Nomination, images: Iterable[ProcessedImage]) -> None:
    for processed in images:
        image = NominationImage(
            nomination=nomination,
            image=processed.content,
            thumbnail=processed.renditions["thumb"],
            original_name=processed.original_name,
        )
        image.save()


@transaction.atomic
def nomination_submit(
    *, nomination: Nomination, by, images: list[ProcessedImage] | None = None
) -> Nomination:
    """Save a new nomination of `by`'s unit with its evidence photos, all or nothing."""
    images = images or []
    if not Unit.objects.led_by(by).filter(pk=nomination.unit_id).exists():
        raise PermissionDenied
    if len(images) > Nomination.MAX_IMAGES:
        raise _too_many_images(len(images))
    nomination.nominated_by = by
    nomination.status = Nomination.Status.SUBMITTED
    nomination.full_clean()
    nomination.save()
    _add_images(nomination, images)
    audit_record(action=Event.Action.TRANSITION, actor=by, obj=nomination, detail="submit")
    return nomination


@transaction.atomic
def nomination_update(
    *,
    nomination: Nomination,
    by,
    expected_version: int,
    add_images: list[ProcessedImage] | None = None,
    remove_image_ids: Iterable[int] = (),
) -> Nomination:
    """Save a head's changes unless the office decided or someone else saved it meanwhile."""
    current = Nomination.objects.editable_by(by).select_for_update().filter(pk=nomination.pk)
    current = current.first()
    if current is None:
        raise ValidationError(
            _("This nomination has been decided by the office and can no longer be changed."),
            code="decided",
        )
    check_version(current.version, expected_version, _nomination_conflict)
    removing = list(current.images.filter(pk__in=list(remove_image_ids)))
    add_images = add_images or []
    total = current.images.count() - len(removing) + len(add_images)
    if total > Nomination.MAX_IMAGES:
        raise _too_many_images(total)
    # The save counts on from the locked row, not from the copy the form was built on.
    nomination.version = current.version
    nomination.full_clean()
    nomination.save()
    for image in removing:
        files = [(f.storage, f.name) for f in (image.image, image.thumbnail) if f]
        image.delete()
        for storage, name in files:
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))
    _add_images(nomination, add_images)
    audit_record(action=Event.Action.TRANSITION, actor=by, obj=nomination, detail="edit")
    return nomination


def _nomination_conflict() -> ValidationError:
    return ValidationError(
        _(
            "Someone else saved this nomination while you were editing it. Your changes "
            "are still in the form: open the nomination again in a new tab, compare, "
            "then save once more."
        ),
        code="conflict",
    )


def _lock_undecided(nomination: Nomination) -> Nomination:
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "theme__campaign", "proposed_form", "nominated_by")
        .get(pk=nomination.pk)
    )
    if locked.status != Nomination.Status.SUBMITTED:
        raise ValidationError(
            _("This nomination was already decided (%(status)s).")
            % {"status": locked.get_status_display()},
            code="decided",
        )
    return locked


def _first_photo(nomination: Nomination) -> ProcessedImage | None:
    first = nomination.images.first()
    if first is None:
        return None
    try:
        with first.image.open("rb") as stored:
            return process_image(stored, renditions=PHOTO_RENDITIONS)
    except (OSError, ValidationError) as error:
        # A missing or unreadable evidence file must not block the decision.
        log.warning("nomination %s: evidence photo not copied: %s", nomination.pk, error)
        return None


def _notify(nomination: Nomination, template: str) -> None:
    """Tell the head who nominated of the office's decision, in `news/email/<template>`."""
    subject, body = email_render(f"news/email/{template}", {"nomination": nomination})
    message_queue(
        to=[nomination.nominated_by.email],
        subject=subject,
        body=body,
        dedupe_key=f"nomination-{nomination.pk}-{template}",
    )


@transaction.atomic
def nomination_accept(*, nomination: Nomination, by) -> Commendation:
    """Turn a nomination into a draft commendation for the office to finish, and tell the head."""
    locked = _lock_undecided(nomination)
    form = locked.proposed_form
    if form is None or not form.accepts(locked.honoree_kind):
        # The office picks the real one in the draft; a form of commendation is the usual
        # outcome of a nomination, so one comes before any title.
        candidates = CommendationForm.objects.filter(is_active=True).order_by(
            "kind", "position", "pk"
        )
        form = next((f for f in candidates if f.accepts(locked.honoree_kind)), None)
    if form is None:
        raise ValidationError(
            _(
                "The catalogue has no emulation title or form of commendation for this "
                "honoree; add one first."
            ),
            code="no_form",
        )
    with translation.override(settings.LANGUAGE_CODE):
        commendation = Commendation(
            # A long name and a long unit name together exceed a title's length.
            title=Truncator(f"{locked.honoree_name} – {locked.unit.name}").chars(
                Commendation._meta.get_field("title").max_length
            ),
            honoree_name=locked.honoree_name,
            honoree_kind=locked.honoree_kind,
            position=locked.position,
            unit=locked.unit,
            campaign=locked.theme.campaign,
            theme=locked.theme,
            form=form,
            summary=Truncator(" ".join(locked.achievements.split())).chars(300),
            body=text_to_html(locked.achievements),
            status=Commendation.Status.DRAFT,
            author=by,
        )
        photo = _first_photo(locked)
        if photo is not None:
            commendation.attach_photo(photo)
        commendation.full_clean(exclude=["slug"])
        commendation.save()

        locked.status = Nomination.Status.ACCEPTED
        locked.decided_by = by
        locked.decided_at = timezone.now()
        locked.commendation = commendation
        locked.save()
        audit_record(action=Event.Action.TRANSITION, actor=by, obj=locked, detail="accept")
        _notify(locked, "accepted")
    return commendation


@transaction.atomic
def nomination_decline(*, nomination: Nomination, by, reason: str) -> Nomination:
    """Decline with a reason the nominating head receives by e-mail."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"decline_reason": _("Give the reason for declining; the unit head will read it.")}
        )
    locked = _lock_undecided(nomination)
    locked.status = Nomination.Status.DECLINED
    locked.decline_reason = reason
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.full_clean()
    locked.save()
    audit_record(action=Event.Action.TRANSITION, actor=by, obj=locked, detail="decline")
    _notify(locked, "declined")
    return locked
