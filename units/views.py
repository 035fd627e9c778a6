from django.core.paginator import Paginator
from django.views.generic import TemplateView

from units.forms import UnitSearchForm
from units.models import Unit

# The list shows the tree's first two levels (the Ministry and its departments, each with how
# many units it has), so its weight does not grow with the divisions; deeper units are on their
# parent's page and found by name. Pages keep even a flat tree readable.
TOP_LEVELS_PER_PAGE = 100
FOUND_PER_PAGE = 30


class UnitListView(TemplateView):
    template_name = "units/unit_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = UnitSearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        if query:
            found = Unit.objects.active().search(query, whole=False).select_related("parent")
            page = Paginator(found, FOUND_PER_PAGE).get_page(self.request.GET.get("page"))
            context["query_string"] = form.query_string()
        else:
            roots = Unit.objects.active().tree()
            top = [node for root in roots for node in (root, *root.children)]
            page = Paginator(top, TOP_LEVELS_PER_PAGE).get_page(self.request.GET.get("page"))
            context["units"] = page.object_list
            context["total"] = sum(len(root.flatten()) for root in roots)
        context.update(form=form, query=query, page_obj=page, is_paginated=page.has_other_pages())
        return context
