from django.urls import path

from office.exports import views

app_name = "exports"

urlpatterns = [
    path("", views.export_list, name="list"),
    path("<slug:slug>/workbook.xlsx", views.workbook_download, name="workbook"),
    path("<slug:slug>/<slug:table>.csv", views.table_download, name="table"),
]
