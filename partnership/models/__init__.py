from partnership.models.partnership import (
    ExpressionOfInterest,
    Meeting,
    Membership,
    Milestone,
    Partner,
    Partnership,
    Subgroup,
)
from partnership.models.plans import Action, ActionPlan, Comment, PlanPdf, PlanRevision
from partnership.models.practices import GoodPractice

__all__ = [
    "Action",
    "ActionPlan",
    "Comment",
    "PlanPdf",
    "PlanRevision",
    "ExpressionOfInterest",
    "GoodPractice",
    "Meeting",
    "Membership",
    "Milestone",
    "Partner",
    "Partnership",
    "Subgroup",
]
