"""Cache invalidation, the one job signals do here: they see every write path (services, the
admin, loaddata, the shell), so any save or delete of what the public pages show moves its
topic's counter on after commit (kit/cache.py). What is shown is declared by each app in its
`public.py` (kit/public.py). No business logic belongs in this module.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from kit.cache import public_content_changed
from kit.public import registry


def on_write(sender, using=None, update_fields=None, **kwargs):
    # A login only records its time, which no public page shows.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    public_content_changed(topic=registry().models[sender._meta.label], using=using)


def on_link(sender, action, using=None, **kwargs):
    if action.startswith("post_"):
        public_content_changed(topic=registry().links[sender._meta.label], using=using)


def connect() -> None:
    for label in registry().models:
        post_save.connect(on_write, sender=label, dispatch_uid=f"public-cache-save:{label}")
        post_delete.connect(on_write, sender=label, dispatch_uid=f"public-cache-delete:{label}")
    for label in registry().links:
        m2m_changed.connect(on_link, sender=label, dispatch_uid=f"public-cache-link:{label}")
