from partnership.models.partnership import (
    ExpressionOfInterest,
    Meeting,
    Membership,
    Milestone,
    Partner,
    Partnership,
    Subgroup,
)

__all__ = [
    "ExpressionOfInterest",
    "Meeting",
    "Membership",
    "Milestone",
    "Partner",
    "Partnership",
    "Subgroup",
]
