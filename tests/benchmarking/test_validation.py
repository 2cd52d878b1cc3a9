from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.benchmarking.factories import seeded_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators():
    return {i.code: i for i in seeded_framework().indicators.all()}


def test_it_refuses_a_percentage_of_140_and_names_the_indicator(indicators):
    with pytest.raises(ValidationError) as exc:
        indicators["SVC-ONLINE"].clean_value("140")
    assert "Share of municipal services available online" in exc.value.messages[0] or "Delež" in exc.value.messages[0]
    assert "140" in exc.value.messages[0]


def test_it_refuses_a_negative_count(indicators):
    with pytest.raises(ValidationError) as exc:
        indicators["DATA-OPEN"].clean_value("-3")
    assert "-3" in exc.value.messages[0]


@pytest.mark.parametrize("raw", ["2.5", "abc", "1e400"])
def test_it_refuses_a_count_that_is_not_a_whole_number(indicators, raw):
    with pytest.raises(ValidationError):
        indicators["DATA-OPEN"].clean_value(raw)


@pytest.mark.parametrize("raw", ["5", "-1", "2.5"])
def test_it_refuses_a_maturity_level_outside_0_to_4(indicators, raw):
    with pytest.raises(ValidationError):
        indicators["STD-OPEN"].clean_value(raw)


def test_it_accepts_yes_or_no_only(indicators):
    assert indicators["DT-LEAD"].clean_value("1") == 1
    assert indicators["DT-LEAD"].clean_value("0") == 0
    with pytest.raises(ValidationError):
        indicators["DT-LEAD"].clean_value("maybe")


def test_it_reads_a_decimal_comma_and_keeps_empty_as_no_answer_not_zero(indicators):
    assert indicators["SVC-ONLINE"].clean_value("45,5") == Decimal("45.50")
    assert indicators["SVC-ONLINE"].clean_value("") is None
    assert indicators["SVC-ONLINE"].score(None) is None


def test_it_scores_progress_towards_each_target(indicators):
    assert indicators["DT-LEAD"].score(Decimal(1)) == 100
    assert indicators["STD-OPEN"].score(Decimal(2)) == 50
    assert indicators["DATA-OPEN"].score(Decimal(10)) == 100  # target 5 data sets
    assert indicators["DATA-OPEN"].score(Decimal(0)) == 0
    assert indicators["DATA-OPEN"].is_reached(Decimal(5))
    assert not indicators["SVC-ONLINE"].is_reached(Decimal(49))


def test_it_offers_a_maturity_question_s_own_level_descriptions(indicators):
    from django.utils import translation

    with translation.override("en"):
        levels = indicators["STD-OPEN"].maturity_levels()
    assert [level for level, _label in levels] == [0, 1, 2, 3, 4]
    assert levels[3][1] == "3 – key systems exchange data through open interfaces (APIs)"
    assert indicators["STD-OPEN"].has_own_levels


def test_it_shows_values_as_people_read_them(indicators):
    from django.utils import translation

    with translation.override("en"):
        assert indicators["DATA-OPEN"].display_value(Decimal(2)) == "data sets: 2"
        assert indicators["SVC-ONLINE"].display_value(Decimal("45.50")) == "45.5 %"
        assert indicators["DT-LEAD"].display_value(Decimal(1)) == "yes"
        assert indicators["STD-OPEN"].display_value(Decimal(3)) == "level 3"
        assert indicators["STD-OPEN"].display_value(None) == "no answer"
