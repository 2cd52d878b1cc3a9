from django.urls import path

from coalition.workspace import views

app_name = "workspace"

urlpatterns = [
    path("", views.index, name="index"),
    path("osebe/", views.people, name="people"),
    path("osebe/nova/", views.person_edit, name="person_new"),
    path("osebe/izvoz.<str:file_format>", views.people_export, name="people_export"),
    path("osebe/<int:pk>/", views.person_detail, name="person"),
    path("osebe/<int:pk>/uredi/", views.person_edit, name="person_edit"),
    path("organizacije/", views.organisations, name="organisations"),
    path("organizacije/izvoz.<str:file_format>", views.organisations_export, name="organisations_export"),
    path("organizacije/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organizacije/<int:pk>/uredi/", views.organisation_edit, name="organisation_edit"),
    path("uvoz/", views.import_upload, name="import_upload"),
    path("uvoz/<int:pk>/", views.import_batch, name="import"),
    path("uvoz/<int:pk>/potrdi/", views.import_confirm, name="import_confirm"),
    path("dvojniki/", views.duplicates, name="duplicates"),
    path("dvojniki/zdruzi/", views.merge, name="merge"),
    path("segmenti/", views.segment_list, name="segments"),
    path("segmenti/nov/", views.segment_create, name="segment_create"),
    path("segmenti/<int:pk>/", views.segment_detail, name="segment"),
    path("segmenti/<int:pk>/naslovi/", views.segment_emails, name="segment_emails"),
    path("segmenti/<int:pk>/izvoz.<str:file_format>", views.segment_export, name="segment_export"),
    path("segmenti/<int:pk>/izbrisi/", views.segment_delete, name="segment_delete"),
    path("statistika/", views.statistics, name="statistics"),
]
