"""What a reader sees of the provenance register and of assumed dates in the lesson face and on Home."""

from ermu.gui.lessons.lesson_path import LessonPath, spoken_years, years_of
from ermu.gui.lessons.lesson_view import LessonView
from ermu.gui.lessons.markup import render
from ermu.models.content import lesson, lessons


def test_a_footnote_shows_what_the_seed_text_says(qtbot, state):
    view = LessonView(state)
    qtbot.addWidget(view)
    view.open_lesson("sui")
    number = next(f.number for f in view.rendered.footnotes if (f.key, f.locator) == ("hsiao-1960", "p. 26"))
    view._on_link("source", f"hsiao-1960#{number}")
    spoken = view.note.plain_text()
    assert "The text says:" in spoken and "“every five households into a pao”" in spoken
    assert "every five households into a pao" in view.note.text.text()


def test_a_footnote_without_a_register_entry_shows_only_the_citation(qtbot, state):
    view = LessonView(state)
    qtbot.addWidget(view)
    view.open_lesson("criticism")
    view._on_link("source", "dittmer-1973#1")
    assert "The text says" not in view.note.plain_text()


def test_the_lesson_path_marks_an_assumed_year_and_says_why(qtbot):
    path = LessonPath(lessons())
    qtbot.addWidget(path)
    row = path.row_of("qing-baojia")
    assert years_of(lesson("qing-baojia")) == "1644–1900*"
    assert "nineteenth century" in path.item(row).toolTip()
    assert "(assumed)" in path.item(row).data(0) and "(assumed)" in spoken_years(lesson("qing-baojia"))
    assert years_of(lesson("ming-lijia")) == "1381–1644"


def test_the_lesson_page_explains_its_assumed_year():
    page = render(lesson("roots")).markdown
    assert "c. 650 BC" in page and "Ermu's assumption" in page and "seventh century BC" in page
    assert "Ermu's assumption" not in render(lesson("ming-lijia")).markdown.split("## ")[0]


def test_home_cards_show_the_mark_and_the_note(qtbot, state):
    from ermu.gui.home.home_view import HomeView

    home = HomeView(state)
    qtbot.addWidget(home)
    home.finish()
    cards = {card.regime.id: card for card in home.cards}
    assert cards["qing-baojia"].date_note.isVisibleTo(cards["qing-baojia"])
    assert "nineteenth century" in cards["qing-baojia"].date_note.text()
    assert "(assumed)" in cards["sui"].accessibleName()
    assert not cards["ming-baojia"].date_note.isVisibleTo(cards["ming-baojia"])


def test_credit_claims_quote_what_the_seed_says():
    from ermu.gui.credit.marks import said
    from ermu.models.credit.disagreements import get_disagreement

    agencies = get_disagreement("agencies").claims[0]
    assert said(agencies) == "“forty-two central agencies, thirty-two local governments, and fifty market actors”"
    unnumbered = get_disagreement("who-runs-it").claims[0]
    assert said(unnumbered) == ""


def test_the_disagreement_panel_shows_the_quotation(qtbot):
    from ermu.gui.credit.disagreements_panel import DisagreementsPanel
    from ermu.models.credit import DISAGREEMENTS

    panel = DisagreementsPanel()
    qtbot.addWidget(panel)
    panel.show_disagreement([d.id for d in DISAGREEMENTS].index("city-approval"))
    assert "The text says:" in panel.detail.text() and "Eighty-two percent" in panel.detail.text()
