from rest_framework.routers import DefaultRouter

from declaration.api.views import DeclarationViewSet, SignatoryViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.include_format_suffixes = False
router.register("declarations", DeclarationViewSet, basename="declaration")
router.register("signatories", SignatoryViewSet, basename="signatory")

urlpatterns = router.urls
