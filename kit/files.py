"""Handing stored uploads to the browser, for the views that have checked who may see them.

Such views are decorated with `@csp_override(UPLOAD_CSP)`."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

# An uploaded file is shown alone, never as part of a page: no script, no plugin, sandboxed.
# The browser's own image viewer styles the picture inline, so inline style is allowed here.
UPLOAD_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF],
    "style-src": [CSP.UNSAFE_INLINE],
    "sandbox": True,
    "frame-ancestors": [CSP.NONE],
}


def upload_response(stored, *, public: bool) -> FileResponse:
    """A response streaming `stored` (a FieldFile); 404 when the file is gone.

    `public` lets shared caches keep it; otherwise only the visitor's browser may.
    """
    try:
        handle = stored.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle)
    response["Cache-Control"] = f"{'public' if public else 'private'}, max-age=3600"
    return response


@require_safe
@csp_override(UPLOAD_CSP)
def public_media(request, path: str) -> FileResponse:
    """A public upload (commendation photos, legal documents) from the default storage.

    The embedded install (`make run`) has no web server in front of it, so the portal hands these
    out itself; in production the reverse proxy may serve MEDIA_ROOT instead. Private uploads live
    in another storage and are never reachable here.
    """
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, SuspiciousFileOperation):
        raise Http404 from None
    response = FileResponse(handle)
    if not (response.get("Content-Type") or "").startswith("image/"):
        # Anything but a picture is downloaded, never rendered by the browser on our origin.
        response["Content-Disposition"] = f'attachment; filename="{Path(path).name}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response
