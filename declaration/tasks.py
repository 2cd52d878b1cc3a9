from celery import shared_task

from declaration import services


@shared_task
def purge_unconfirmed_signatures():
    """Beat task: delete signatures left unconfirmed longer than the confirmation link lives."""
    return services.purge_unconfirmed_signatures()
