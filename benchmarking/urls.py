from django.urls import path

from benchmarking import views

app_name = "benchmarking"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kazalniki/", views.framework_detail, name="framework"),
    path("rezultati.csv", views.results_csv, name="csv"),
    path("obcine/", views.find_municipality, name="find"),
    path("obcine/<str:code>/", views.municipality_detail, name="municipality"),
    path("samoocena/", views.my_assessments, name="mine"),
    path("samoocena/<str:code>/<int:year>/", views.assessment_form, name="assessment"),
    path("samoocena/<str:code>/<int:year>/ponovno-odpri/", views.reopen, name="reopen"),
]
