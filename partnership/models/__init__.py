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

__all__ = [
    "Action",
    "ActionPlan",
    "Comment",
    "PlanPdf",
    "PlanRevision",
    "ExpressionOfInterest",
    "Meeting",
    "Membership",
    "Milestone",
    "Partner",
    "Partnership",
    "Subgroup",
]
