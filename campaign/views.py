from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from campaign.models import Campaign, Theme, current_campaign


def home(request):
    campaign = current_campaign(request)
    context = {"campaign": campaign}
    if campaign is not None:
        context["themes"] = campaign.themes.all()
        context["documents"] = campaign.legal_documents.order_by("campaigndocument__position")
    return render(request, "campaign/home.html", context)


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


def theme_detail(request, slug: str, number: int):
    theme = get_object_or_404(
        Theme.objects.select_related("campaign").filter(campaign__in=Campaign.objects.public()),
        campaign__slug=slug,
        number=number,
    )
    siblings = theme.campaign.themes.all()
    return render(
        request,
        "campaign/theme_detail.html",
        {"theme": theme, "campaign": theme.campaign, "themes": siblings},
    )


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
