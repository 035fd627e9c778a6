from django.views.generic import DetailView, TemplateView

from units.models import Unit, UnitRole


class UnitListView(TemplateView):
    template_name = "units/unit_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roots = Unit.objects.active().tree()
        context["units"] = [node for root in roots for node in root.flatten()]
        return context


class UnitDetailView(DetailView):
    queryset = Unit.objects.active().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = UnitRole.objects.filter(unit=self.object).select_related("user")
        context["children"] = self.object.children.active()
        return context
