"""The credit model in Chinese: every claim, effect, agency and note has its translation, and
the engine's narration renders in the chosen language while the ids stay English."""

from __future__ import annotations

import re

import pytest

from ermu.models.credit import Citizen, simulate_year
from ermu.models.credit.texts import credit_names, credit_texts, said
from ermu.models.language import set_language

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese():
    set_language("zh-Hans")
    yield
    set_language("en")


def test_every_text_of_the_credit_data_is_translated(chinese):
    texts = [text for _where, text in credit_texts()]
    assert len(texts) > 250
    untranslated = [text for text in texts if said(text) == text or not HAN.search(said(text))]
    assert not untranslated, untranslated[:10]


def test_list_names_are_given_in_the_characters_credit_china_uses(chinese):
    from ermu.models.credit import LISTS

    assert [LISTS[i].name.said("english").render() for i in LISTS] == ["红名单", "黑名单", "重点关注名单", "行政处罚名单"]
    assert {text for _where, text in credit_names()} == {"红名单", "黑名单", "重点关注名单", "行政处罚名单"}


def test_a_year_is_played_once_and_said_in_either_language():
    year = simulate_year(Citizen.sample(seed=3), "national", seed=3)
    english = [step.said() for step in year.trace]
    set_language("zh-Hans")
    try:
        chinese = [step.said() for step in year.trace]
        claim = year.scheme.claims[0]
        assert claim.to_json()["text"].startswith("国务院2014年的《社会信用体系建设规划纲要（2014—2020年）》")
        assert claim.text.startswith("The 2014 State Council outline")  # the catalog's id stays English
        standing = year.final.to_json()
        assert standing["lists"] == ["blacklist"] and all(HAN.search(g["text"]) for g in standing["restrictions"])
    finally:
        set_language("en")
    assert all(HAN.search(line) for line in chinese), [line for line in chinese if not HAN.search(line)]
    assert [step.said() for step in year.trace] == english
    assert any("is entered on the blacklist" in line for line in english)
    assert any("被列入黑名单" in line for line in chinese)


def test_errors_of_the_credit_model_are_typed_sentences_in_either_language():
    from ermu.models.credit import AppealError, Appeal, EventsError, get_list, parse_events
    from ermu.models.credit.texts import CreditError
    from ermu.models.messages import ErmuError

    with pytest.raises(CreditError) as caught:
        get_list("greylist")
    assert isinstance(caught.value, (ErmuError, ValueError)) and caught.value.key == "credit.list.unknown"
    with pytest.raises(EventsError) as bad:
        parse_events('{"events": [{"month": 13, "behaviour": "jaywalk"}]}')
    with pytest.raises(AppealError) as empty:
        Appeal("   ")
    assert str(bad.value) == "events: events[0].month: must be a whole number from 1 to 12, not 13."
    set_language("zh-Hans")
    try:
        assert str(bad.value) == "events：events[0].month：必须是1到12之间的整数，不能是13。"
        assert str(empty.value) == "异议是空的：请说明这条记录错在哪里。"
        assert HAN.search(str(caught.value))
    finally:
        set_language("en")


def test_a_plural_message_extracted_in_one_form_is_still_translated():
    """Messages built with ``plural=`` are extracted with their singular only; Chinese needs no
    other form, so the singular's translation must be used (it was silently English before)."""
    from ermu.models.messages import Message

    restored = Message("storage.backup.restored", "Restored the library from the {period} backup of {made} "
                       "({count} scenario).", {"period": "daily", "made": "2026-01-01", "count": 3},
                       plural="Restored the library from the {period} backup of {made} ({count} scenarios).",
                       count="count")
    assert str(restored).endswith("(3 scenarios).")
    set_language("zh-Hans")
    try:
        assert HAN.search(str(restored)) and "3个情景" in str(restored)
    finally:
        set_language("en")
