from rest_framework.routers import DefaultRouter

from coalition.api.views import MunicipalityViewSet, OrganisationViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.include_format_suffixes = False
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("organisations", OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
