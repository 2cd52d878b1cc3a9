from django.urls import path

from partnership import views
from partnership.plans.urls import urlpatterns as plans_urlpatterns
from partnership.practices.urls import urlpatterns as practices_urlpatterns

app_name = "partnership"

urlpatterns = [
    path("", views.partnership_detail, name="detail"),
    path("podskupine/", views.subgroup_list, name="subgroups"),
    path("podskupine/<slug:slug>/", views.subgroup_detail, name="subgroup"),
    path("sestanki/", views.meeting_list, name="meetings"),
    path("sestanki.ics", views.meetings_ical, name="meetings_ical"),
    path("sestanki/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("izrazi-interes/", views.express_interest, name="interest"),
    path("izrazi-interes/hvala/", views.interest_thanks, name="interest_thanks"),
    path("interes/", views.triage, name="triage"),
    path("interes/<int:pk>/sprejmi/", views.accept_interest, name="interest_accept"),
    path("interes/<int:pk>/zavrni/", views.decline_interest, name="interest_decline"),
]

# Action plans (partnership/plans/), in the same namespace.
urlpatterns += plans_urlpatterns

# Good-practice portfolio (partnership/practices/), in the same namespace.
urlpatterns += practices_urlpatterns
