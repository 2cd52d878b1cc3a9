import pytest

from coalition import seed as coalition_seed
from coalition.seeding import SeedReport
from partnership import seed as partnership_seed
from partnership.models import Partnership


@pytest.fixture
def seeded(db):
    """The real seed data: municipalities, SOS, and the partnership from the source document."""
    report = SeedReport()
    coalition_seed.load(report)
    partnership_seed.load(report)
    return Partnership.objects.get(slug=partnership_seed.PARTNERSHIP_SLUG)
