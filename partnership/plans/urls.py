"""Action plan pages, added to the ``partnership`` namespace by ``partnership/urls.py``."""

from django.urls import path

from partnership.plans import views

urlpatterns = [
    path("akcijski-nacrti/", views.plan_list, name="plan_list"),
    path("akcijski-nacrti/nov/<slug:subgroup>/", views.plan_create, name="plan_create"),
    path("akcijski-nacrti/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("akcijski-nacrti/<int:pk>/uredi/", views.plan_edit, name="plan_edit"),
    path("akcijski-nacrti/<int:pk>/zgodovina/", views.plan_history, name="plan_history"),
    path("akcijski-nacrti/<int:pk>/primerjava/", views.plan_compare, name="plan_compare"),
    path("akcijski-nacrti/<int:pk>/revizije/<int:number>/", views.plan_revision, name="plan_revision"),
    path("akcijski-nacrti/<int:pk>/revizije/<int:number>/obnovi/", views.plan_restore, name="plan_restore"),
    path("akcijski-nacrti/<int:pk>/oddaj/", views.plan_submit, name="plan_submit"),
    path("akcijski-nacrti/<int:pk>/potrdi/", views.plan_approve, name="plan_approve"),
    path("akcijski-nacrti/<int:pk>/vrni/", views.plan_send_back, name="plan_send_back"),
    path("akcijski-nacrti/<int:pk>/objavi/", views.plan_publish, name="plan_publish"),
    path("akcijski-nacrti/<int:pk>/komentarji/", views.comment_add, name="plan_comment_add"),
    path(
        "akcijski-nacrti/<int:pk>/komentarji/<int:comment_pk>/razresi/",
        views.comment_resolve,
        name="plan_comment_resolve",
    ),
    path("akcijski-nacrti/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("akcijski-nacrti/<int:pk>/pdf/<int:number>/prenos/", views.plan_pdf_download, name="plan_pdf_download"),
]
