from django.utils import timezone
from django.views.generic import DetailView, ListView

from campaign.models import Campaign, phase_timeline


class CampaignListView(ListView):
    queryset = Campaign.objects.public().with_span()
    paginate_by = 20


class CampaignDetailView(DetailView):
    # The phases make both the timeline and the campaign's state: fetched once for both.
    queryset = Campaign.objects.public().prefetch_related("phases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = self.object.themes.all()
        context["documents"] = self.object.legal_documents.order_by("campaigndocument__position")
        context["today"] = timezone.localdate()
        context["timeline"] = phase_timeline(self.object.phases.all(), context["today"])
        return context


class CampaignAnnouncementView(DetailView):
    """The announcement's full text with its source and legal basis, printable; the campaign
    page keeps only the summary, so its phases, figures and themes come first."""

    queryset = Campaign.objects.public()
    template_name = "campaign/campaign_announcement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = self.object.legal_documents.order_by("campaigndocument__position")
        return context
