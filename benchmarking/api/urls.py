from rest_framework.routers import DefaultRouter

from benchmarking.api.views import FrameworkViewSet, ResultViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("benchmark/frameworks", FrameworkViewSet, basename="benchmark-framework")
router.register("benchmark/results", ResultViewSet, basename="benchmark-result")

urlpatterns = router.urls
