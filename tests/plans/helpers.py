"""Building the edit form's POST data the way a browser sends it."""

from partnership.plans.forms import action_initial


def edit_post(plan, *, version=None, title=None, introduction=None, message="", actions=None, extra=()):
    """POST data of the edit page as loaded now, with the given changes (``actions``: list of dicts)."""
    data = {
        "version": plan.version if version is None else version,
        "title": plan.title if title is None else title,
        "stage": plan.stage,
        "language": plan.language,
        "introduction": plan.introduction if introduction is None else introduction,
        "message": message,
    }
    rows = actions if actions is not None else action_initial(plan.actions.order_by("order", "id"))
    rows = list(rows) + list(extra)
    initial = sum(1 for row in rows if row.get("action_id"))
    data.update(
        {
            "actions-TOTAL_FORMS": str(len(rows)),
            "actions-INITIAL_FORMS": str(initial),
            "actions-MIN_NUM_FORMS": "0",
            "actions-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            if value is None or value is False:
                continue
            if key == "responsible_partners":
                data[f"actions-{index}-{key}"] = [str(v) for v in value]
            elif key == "DELETE":
                data[f"actions-{index}-DELETE"] = "on"
            else:
                data[f"actions-{index}-{key}"] = str(value)
    return data
