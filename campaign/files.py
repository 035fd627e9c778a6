"""Handing stored uploads to the browser, for the views that have checked who may see them.

Such views are decorated with `@csp_override(UPLOAD_CSP)`."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.csp import CSP

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
