from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationConfig(AppConfig):
    name = "declaration"
    verbose_name = _("National declaration")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from coalition import pagecache
        from declaration import tally
        from declaration.models import ConsentText, Declaration, DeclarationSection, Signature

        for model in (Declaration, DeclarationSection, ConsentText):
            pagecache.invalidate_on(model, pagecache.CONTENT)

        def signature_changed(sender, instance, **kwargs):
            # A pending signature shows nowhere: signing surges must not empty the page cache.
            if instance.status != Signature.Status.PENDING:
                pagecache.bump(pagecache.SIGNATURES)

        # The counts of confirmed and listed signatures, in the same transaction as the change.
        pre_save.connect(tally.before_save, sender=Signature, dispatch_uid="tally:signature:pre_save")
        post_save.connect(tally.after_save, sender=Signature, dispatch_uid="tally:signature:save")
        post_delete.connect(tally.after_delete, sender=Signature, dispatch_uid="tally:signature:delete")
        post_save.connect(tally.declaration_created, sender=Declaration, dispatch_uid="tally:declaration:save")
        post_save.connect(signature_changed, sender=Signature, weak=False, dispatch_uid="pagecache:signature:save")
        post_delete.connect(signature_changed, sender=Signature, weak=False, dispatch_uid="pagecache:signature:delete")
