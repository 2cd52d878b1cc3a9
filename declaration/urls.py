from django.urls import path

from declaration import views

app_name = "declaration"

urlpatterns = [
    path("", views.declaration_detail, name="detail"),
    path("podpis/", views.sign, name="sign"),
    path("podpis/poslano/", views.sent, name="sent"),
    path("potrditev/<str:token>/", views.confirm, name="confirm"),
    path("moj-podpis/<str:token>/", views.manage, name="manage"),
    path("moj-podpis/<str:token>/podatki.json", views.manage_data, name="manage_data"),
    path("moj-podpis/<str:token>/potrdilo.pdf", views.manage_pdf, name="manage_pdf"),
    path("moj-podpis/<str:token>/umik/", views.withdraw, name="withdraw"),
    path("podpisniki/", views.signatories, name="signatories"),
    path("statistika/", views.statistics_page, name="statistics"),
    path("tajnistvo/izvoz.csv", views.secretariat_export, name="secretariat_export"),
    path("tajnistvo/pooblastilo/<int:pk>/", views.secretariat_mandate, name="secretariat_mandate"),
    path("tajnistvo/umik/", views.secretariat_withdrawal, name="secretariat_withdrawal"),
]
