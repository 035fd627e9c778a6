"""Where private uploads are kept (evidence of progress, nomination photos): the "private" storage
of settings.STORAGES, outside MEDIA_ROOT, so that no web server, proxy or media view can serve
them. They are read only through views that check who may see them first."""

from __future__ import annotations

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage():
    """For FileField(storage=...): a callable keeps the storage out of migrations."""
    return private_storage


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty
