"""Celery tasks of the workspace. Imported by ``coalition.workspace.models`` so workers register them;
the heavy imports stay inside the tasks to keep that import free of cycles."""

from celery import shared_task


@shared_task
def apply_import_batch(batch_id, user_id=None):
    """Write the good rows of a confirmed import batch (the batch row holds progress for the page)."""
    from coalition.workspace.importers import apply_batch

    apply_batch(batch_id)
