from rest_framework.routers import DefaultRouter

from partnership.api import views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.include_format_suffixes = False
router.register("partnerships", views.PartnershipViewSet, basename="partnership")
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("subgroups", views.SubgroupViewSet, basename="subgroup")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("milestones", views.MilestoneViewSet, basename="milestone")
router.register("interest-expressions", views.InterestExpressionViewSet, basename="interest-expression")
router.register("action-plans", views.ActionPlanViewSet, basename="action-plan")
router.register("good-practices", views.GoodPracticeViewSet, basename="good-practice")

urlpatterns = router.urls
