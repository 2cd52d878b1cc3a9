from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from coalition import tokens, views

coalition_patterns = [
    path("", views.home, name="home"),
    path("dostopnost/", views.accessibility, name="accessibility"),
    path("zasebnost/", views.privacy, name="privacy"),
    path("moj-profil/", views.dashboard, name="dashboard"),
    path("moj-profil/api-zeton/", tokens.tokens, name="tokens"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("coalition.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", include((coalition_patterns, "coalition"))),
    path("partnerstvo/", include("partnership.urls")),
    path("deklaracija/", include("declaration.urls")),
    path("sekretariat/", include("coalition.workspace.urls")),
    path("primerjava/", include("benchmarking.urls")),
    path("racun/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
