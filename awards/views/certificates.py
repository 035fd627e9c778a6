"""The certificates (giấy khen) of an issued decision, for the office to print on its
pre-printed paper: all of them at once, one page each, or one alone."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST, require_safe

from awards.certificates import certificates_of, set_salutations
from awards.models import CertificateLayout, Decision, Salutation
from campaign import official
from kit.files import UPLOAD_CSP, upload_response
from kit.roles import office_required

# The portal's policy, with one exception: the page's own <style> element, carrying the request's
# nonce, sets the office's offsets and font size as CSS custom properties. No inline style
# attribute runs, and the page is the office's, never kept in the public page cache.
CERTIFICATE_CSP = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.NONCE]}


def _issued_decision(request, pk: int) -> Decision:
    """An issued decision the user may read; a draft has no certificates yet (404)."""
    return get_object_or_404(
        Decision.objects.visible_to(request.user).issued().select_related("campaign"), pk=pk
    )


def _render(request, decision: Decision, certificates, *, alone: bool):
    layout = CertificateLayout.current()
    return render(
        request,
        "awards/certificates/certificates.html",
        {
            "decision": decision,
            "certificates": certificates,
            "alone": alone,
            "layout": layout,
            "date_parts": official.date_parts(decision.date),
            "missing_salutations": sum(1 for c in certificates if c.needs_salutation),
            "people": [c.award for c in certificates if c.award.honoree_kind == "person"],
            "salutations": [("", _("Not set")), *Salutation.choices],
        },
    )


@require_safe
@office_required
@csp_override(CERTIFICATE_CSP)
def certificates(request, pk: int):
    """Every certificate of the decision, one landscape A4 page each."""
    decision = _issued_decision(request, pk)
    return _render(request, decision, certificates_of(decision), alone=False)


@require_safe
@office_required
@csp_override(CERTIFICATE_CSP)
def certificate(request, pk: int, award_pk: int):
    """One certificate alone, to reprint a spoiled sheet."""
    decision = _issued_decision(request, pk)
    found = certificates_of(decision, decision.awards.filter(pk=award_pk))
    if not found:
        raise Http404
    return _render(request, decision, found, alone=True)


@require_POST
@office_required
def certificate_salutations(request, pk: int):
    """Set Ông or Bà for the decision's people, from the form on the certificates page."""
    decision = _issued_decision(request, pk)
    wanted = {}
    for key, chosen in request.POST.items():
        if key.startswith("salutation-") and key[len("salutation-") :].isdigit():
            award_pk = int(key[len("salutation-") :])
            wanted[award_pk] = (request.POST.get(f"was-{award_pk}", ""), chosen)
    changed, stale = set_salutations(decision, wanted, by=request.user)
    if changed:
        messages.success(
            request,
            ngettext(
                "The salutation of %(count)s person was saved.",
                "The salutations of %(count)s people were saved.",
                len(changed),
            )
            % {"count": len(changed)},
        )
    if stale:
        messages.warning(
            request,
            _(
                "Someone else changed the salutation of %(names)s meanwhile; theirs is kept. "
                "Check it below and change it again if needed."
            )
            % {"names": ", ".join(a.honoree_name for a in stale)},
        )
    if not changed and not stale:
        messages.info(request, _("Nothing was changed."))
    return redirect("awards:certificates", pk=decision.pk)


@require_safe
@office_required
@csp_override(UPLOAD_CSP)
def certificate_emblem(request):
    """The emblem the office uploaded, from the private storage; 404 when there is none."""
    layout = CertificateLayout.current()
    if not layout.emblem:
        raise Http404
    return upload_response(layout.emblem, public=False)
