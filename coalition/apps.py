from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionConfig(AppConfig):
    name = "coalition"
    verbose_name = _("Digital Coalition")

    def ready(self):
        from coalition.accounts import connect_signals

        connect_signals()

        from coalition import models, pagecache

        for model in (models.Municipality, models.Organisation, models.Person, models.Tag):
            pagecache.invalidate_on(model, pagecache.CONTENT)
