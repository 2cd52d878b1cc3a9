from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationConfig(AppConfig):
    name = "declaration"
    verbose_name = _("National declaration")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from coalition import pagecache
        from declaration.models import ConsentText, Declaration, DeclarationSection, Signature

        for model in (Declaration, DeclarationSection, ConsentText):
            pagecache.invalidate_on(model, pagecache.CONTENT)

        def signature_changed(sender, instance, **kwargs):
            # A pending signature shows nowhere: signing surges must not empty the page cache.
            if instance.status != Signature.Status.PENDING:
                pagecache.bump(pagecache.SIGNATURES)

        post_save.connect(signature_changed, sender=Signature, dispatch_uid="pagecache:signature:save")
        post_delete.connect(signature_changed, sender=Signature, dispatch_uid="pagecache:signature:delete")
