"""The settlements table's texts are made with the measured figures, in the worker
(settlement_table), in the interface's language; made for another language (it was
changed meanwhile), the table makes them again for its own."""

from __future__ import annotations

import pytest

from viewer.analysis.front_analytics import FrontAnalytics
from viewer.analysis.settlement_status import SettlementStatus
from viewer.io.situation_file import read_situation
from viewer.model.text import safe_line
from viewer.resources import sample_path
from viewer.ui.settlements_model import NAME, OTHER_NAME, REGION, SettlementsModel


@pytest.fixture(scope="module")
def situation():
    return read_situation(sample_path())


def test_the_measured_figures_carry_the_tables_texts(situation):
    analytics = FrontAnalytics.measure(situation, languages=("uk", "en"))
    texts = analytics.texts
    places = situation.places
    assert (texts.language, texts.other) == ("uk", "en")
    assert list(texts.names) == [safe_line(p.names.get("uk") or p.name, 120) for p in places]
    assert list(texts.other_names) == [p.names.get("en", "") for p in places]
    kyiv = next(i for i, p in enumerate(places) if p.name == "Kyiv")
    assert texts.names[kyiv] == "Київ" and texts.regions[kyiv] == "м. Київ"
    assert FrontAnalytics.measure(situation).texts is None


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_table_shows_the_interface_language_whatever_the_texts_were_made_in(
        situation, qapp, language):
    from viewer.render.language import install_language
    status = SettlementStatus(situation)
    made_for_uk = FrontAnalytics.measure(situation, languages=("uk", "en")).texts
    install_language(language)
    try:
        model = SettlementsModel()
        model.set_status(status, made_for_uk)
        kyiv = next(r for r in range(model.rowCount())
                    if status.places[model.place_index(r)].name == "Kyiv")
        shown = [model.index(kyiv, c).data() for c in (NAME, OTHER_NAME, REGION)]
    finally:
        install_language("en")
    assert shown == (["Київ", "Kyiv", "м. Київ"] if language == "uk"
                     else ["Kyiv", "Київ", "Kyiv"])
