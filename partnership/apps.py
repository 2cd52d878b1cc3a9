from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    name = "partnership"
    verbose_name = _("Partnership for Digital Transition")

    def ready(self):
        from coalition import pagecache
        from partnership import models

        for model in (
            models.Partnership,
            models.Partner,
            models.Subgroup,
            models.Membership,
            models.Meeting,
            models.Milestone,
            models.ActionPlan,
            models.Action,
            models.GoodPractice,
        ):
            pagecache.invalidate_on(model, pagecache.CONTENT)
