"""The Years face: runs and sweeps drawn with bands, work off the GUI thread, cancel, export, reset."""

import csv
import io

import numpy as np
import pytest

from ermu.models.years.model import OUTPUTS


@pytest.fixture
def view(qtbot, state):
    from ermu.gui.years.years_view import YearsView

    widget = YearsView(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.auto_timer.stop()
    yield widget
    widget.shutdown()


def test_regimes_side_by_side_draw_one_line_each_and_a_table_of_the_years(view):
    view.controls.set_regimes(["qing-baojia", "sui", "wang-shouren"])
    view.controls.years.setValue(30)
    result = view.run_now()
    assert result.complete
    ax = view.plot.axes
    assert [line.get_label() for line in ax.get_lines()] == ["Sui household groups", "Wang Shou-jen's ten-family cards",
                                                             "Qing baojia"]
    assert len(ax.get_lines()[0].get_xdata()) == 30
    assert "illustrative" in ax.get_title()
    assert view.table.rowCount() == 30 and view.table.columnCount() == 4


def test_a_sweep_draws_curves_over_the_swept_values_with_bands(view):
    view.apply({"regimes": ["qing-baojia", "sui"], "sweep": "register_error_rate=0:0.3:4", "repetitions": 4,
                "years": 20, "output": "innocents_punished"})
    result = view.run_now()
    ax = view.plot.axes
    line = ax.get_lines()[0]
    assert list(line.get_xdata()) == [0.0, 0.1, 0.2, 0.3]
    assert line.get_ydata()[-1] > line.get_ydata()[0]  # more copying errors, more innocents
    assert ax.collections, "each curve has its uncertainty band"
    assert view.table.rowCount() == 4
    assert len(result.cells) == 8


def test_a_run_goes_off_the_gui_thread_and_fills_in_as_results_arrive(view, qtbot):
    view.controls.set_regimes(["qing-baojia", "sui", "song-baojia"])
    view.controls.repetitions.setValue(3)
    arrived = []
    job = view.run()
    job.progressed.connect(lambda done, total, cell: arrived.append(done))
    qtbot.waitUntil(lambda: view.job is None, timeout=30_000)
    assert arrived == [1, 2, 3], "results arrive one regime at a time, on the GUI thread"
    assert view.result.complete and len(view.result.cells) == 3
    assert view.progress.value() == view.progress.maximum() == 3
    assert "Done" in view.status.text()


def test_the_page_opens_from_the_shell_and_a_lessons_try_it_fills_it(qtbot):
    from helpers import make_window, show

    window = make_window()
    qtbot.addWidget(window)
    face = show(window, "years", regimes=["qing-baojia", "ming-xiangyue"], households=150, seed=3,
                sweep="collective_severity=0:4:3", repetitions=2, output="trust_state")
    assert face.page_id == "years" and face.controls.sweeping
    assert face.controls.chosen_regimes() == ["ming-xiangyue", "qing-baojia"]
    qtbot.waitUntil(lambda: face.job is None and face.result is not None and face.result.complete, timeout=30_000)
    assert len(face.result.cells) == 6 and face.current_output == "trust_state"
    assert "Years run finished" in window.status_message.text()
    face.shutdown()


def test_cancel_keeps_what_arrived_and_says_so(view, qtbot):
    view.controls.set_regimes(["qing-baojia", "sui", "song-baojia", "ming-baojia"])
    view.controls.households.setValue(5000)
    view.controls.repetitions.setValue(20)
    view.run()
    qtbot.waitUntil(lambda: len(view.result.cells) >= 1, timeout=60_000)
    view.cancel()
    assert view.job is None and "Cancelled" in view.status.text()
    assert not view.result.complete and view.export_button.isEnabled()


def test_export_writes_the_csv_and_bad_settings_are_one_sentence(view, tmp_path):
    view.controls.set_regimes(["sui"])
    view.run_now()
    target = tmp_path / "years.csv"
    assert view.export_csv(str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert rows[0]["regime"] == "sui" and len(rows) == 50
    assert not view.export_csv(str(tmp_path / "missing" / "x.csv"))
    assert "Could not write" in view.status.text()
    view.controls.set_regimes([])
    assert view.run() is None
    assert view.status.text() == "Tick at least one regime to run."


def test_the_model_card_is_in_the_face_and_reset_returns_to_the_first_state(view):
    text = view.card.plain_text()
    assert "Theory, not history" in text and "From the sources" in text and "Hsiao 1960, 46" in text
    view.controls.set_regimes(["sui"])
    view.output.setCurrentIndex(OUTPUTS.index("trust_state"))
    view.run_now()
    view.reset()
    assert view.result is None and view.controls.chosen_regimes() == ["wang-shouren", "qing-baojia"]
    assert view.current_output == "innocents_punished" and view.table.rowCount() == 0


def test_a_years_question_in_a_lesson_is_answered_by_the_model(qtbot):
    from ermu.gui.lessons.years_question import YearsPredictQuestion
    from ermu.models.content import lesson

    question = lesson("over-the-years").questions[0]
    card = YearsPredictQuestion("over-the-years", 0, 4, question)
    qtbot.addWidget(card)
    card.choose(1)
    card.check()
    assert "Not quite" in card.verdict.text() and "innocents" in card.model_label.text()
    card.choose(0)
    card.check()
    assert card.verdict.text().startswith("✓ Right.")


def test_an_experiment_saved_to_the_library_reopens_with_the_same_numbers(qtbot):
    from helpers import make_window, show

    window = make_window()
    qtbot.addWidget(window)
    face = show(window, "years")
    qtbot.waitUntil(lambda: face.job is None, timeout=30_000)
    face.apply({"regimes": ["sui", "qing-baojia"], "sweep": "reward=0:1:3", "repetitions": 3, "years": 15,
                "output": "rewards"})
    face.controls.rows["kin_silence"].use.setChecked(True)
    face.controls.rows["kin_silence"].box.setValue(0.7)
    face.controls.hidden = {"trust_recovery": 0.3}  # a value the face has no control for survives too
    before = face.run_now()
    assert face.save_to_library("Rewards under two regimes")
    library = window.state.library
    qtbot.waitUntil(lambda: library.is_open and library.wait(100), timeout=30_000)
    library.wait()
    saved = [s for s in library.library.list() if s.title == "Rewards under two regimes"]
    assert len(saved) == 1 and saved[0].kind == "years"
    face.reset()
    assert face.result is None and face.controls.hidden == {}
    window.state.request("open_scenario", library.library.get(saved[0].id))
    qtbot.waitUntil(lambda: face.job is None and face.result is not None and face.result.complete, timeout=30_000)
    again = face.result
    assert again.experiment == before.experiment and face.current_output == "rewards"
    for a, b in zip(before.cells, again.cells):
        assert np.array_equal(a.per_year.mean, b.per_year.mean, equal_nan=True)
    face.shutdown()


def test_the_kiosk_offers_no_file_dialogs_on_the_years_face(qtbot):
    from ermu.gui.settings import Settings
    from ermu.gui.state import AppState
    from ermu.gui.years.years_view import YearsView

    face = YearsView(AppState(Settings(None), mode="kiosk"))
    qtbot.addWidget(face)
    face.show()
    assert face.export_button.isHidden() and face.save_button.isHidden()
    face.shutdown()


def test_a_years_question_opens_its_experiment_in_the_years_view(qtbot):
    from helpers import make_window

    window = make_window()
    qtbot.addWidget(window)
    lessons = window.show_page("lessons")
    lessons.open_lesson("over-the-years")
    card = next(c for c in lessons.quiz.cards if hasattr(c, "years_button"))
    card.years_button.click()
    face = window.face("years")
    qtbot.waitUntil(lambda: face.job is None and face.result is not None and face.result.complete, timeout=30_000)
    assert window.stack.currentWidget() is face
    assert face.result.experiment.sweeps[0].name == "register_error_rate"
    assert face.current_output == "innocents_punished"
    face.shutdown()


def test_each_regime_keeps_its_colour_and_line_style_whatever_runs_beside_it(view):
    def qing_line():
        return next(line for line in view.plot.axes.get_lines() if line.get_label() == "Qing baojia")

    view.controls.set_regimes(["qing-baojia", "sui"])
    view.controls.years.setValue(5)
    view.run_now()
    first = (qing_line().get_color(), qing_line().get_linestyle())
    view.controls.set_regimes(["qing-baojia", "wang-shouren", "ming-xiangyue"])
    view.run_now()
    assert (qing_line().get_color(), qing_line().get_linestyle()) == first
    assert len({line.get_color() for line in view.plot.axes.get_lines()}) == 3
    from ermu.gui.years.plot import REGIME_STYLES
    from ermu.models.regimes import REGIMES

    assert set(REGIME_STYLES) == set(REGIMES)
    assert len({c for c, _ in REGIME_STYLES.values()}) == len({str(s) for _, s in REGIME_STYLES.values()}) == 8


def test_a_parameter_edit_is_one_change_however_often_the_language_changed(qtbot):
    from ermu.gui.years.controls import ParameterRow
    from ermu.models.years.parameters import SPECS

    row = ParameterRow(next(iter(SPECS)))
    qtbot.addWidget(row)
    for _ in range(3):  # three language switches said the row's texts again
        row.retranslate()
    row.use.setChecked(True)
    changes = []
    row.changed.connect(lambda: changes.append(1))
    row.box.stepUp()
    assert len(changes) == 1
