from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from campaign.models import Campaign


class CampaignListView(ListView):
    queryset = Campaign.objects.public()
    paginate_by = 20


class CampaignDetailView(DetailView):
    queryset = Campaign.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = self.object.themes.all()
        context["documents"] = self.object.legal_documents.order_by("campaigndocument__position")
        return context


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return HttpResponsePermanentRedirect(static("portal/favicon.svg"))
