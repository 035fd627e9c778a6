from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from outbox.models import Message
from outbox.services import message_deliver


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "to", "body"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "to", "subject", "body", "status", "attempts", "last_error", "dedupe_key",
        "created_at", "sent_at",
    ]  # fmt: skip
    actions = ["send_now"]

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join(obj.to)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected e-mails now"), permissions=["change"])
    def send_now(self, request, queryset):
        sent = sum(message_deliver(pk) for pk in queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(n)d e-mail sent.", "%(n)d e-mails sent.", sent) % {"n": sent},
            messages.SUCCESS if sent else messages.WARNING,
        )
