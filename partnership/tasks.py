"""Celery discovers ``<app>.tasks``; the partnership's tasks live beside their features."""

from partnership.plans.tasks import render_plan_pdf

__all__ = ["render_plan_pdf"]
