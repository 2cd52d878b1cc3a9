"""Idempotent seeding helpers: a second run creates nothing and changes nothing."""

from dataclasses import dataclass, field


@dataclass
class SeedReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def count(self, bucket, model):
        name = model._meta.label
        bucket[name] = bucket.get(name, 0) + 1

    @property
    def changed_anything(self):
        return bool(self.created or self.updated)

    def lines(self):
        if not self.changed_anything:
            return ["Seed data already up to date: nothing created or changed."]
        lines = [f"created {n} {label}" for label, n in sorted(self.created.items())]
        lines += [f"updated {n} {label}" for label, n in sorted(self.updated.items())]
        return lines


def upsert(report, model, lookup, values):
    """Create the row matching ``lookup`` or bring its ``values`` up to date.

    Unlike ``update_or_create`` it saves (and writes history) only when something differs.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        report.count(report.created, model)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        report.count(report.updated, model)
    return obj
