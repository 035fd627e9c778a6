from django.views.generic import TemplateView

from units.models import Unit


class UnitListView(TemplateView):
    template_name = "units/unit_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roots = Unit.objects.active().tree()
        context["units"] = [node for root in roots for node in root.flatten()]
        return context
