from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse
from django.urls import reverse
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


# Pages crawlers have no business with (all need a login anyway), in both languages.
ROBOTS_DISALLOW = ["/admin/", "/accounts/", "/en/accounts/", "/nominations/", "/en/nominations/"]


@login_not_required
def robots_txt(request):
    lines = ["User-agent: *"]
    if settings.PORTAL_REQUIRE_LOGIN:
        lines.append("Disallow: /")  # an intranet install keeps every page out of indexes
    else:
        lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
        lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
