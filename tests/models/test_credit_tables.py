"""The sources' tables as CSV: the numbers are the sources' numbers, every row cites its work."""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest

from ermu.models.credit import tables

ROOT = Path(__file__).resolve().parents[2]
SEED = Path("/work/shared/seeds/000_ae782476643a1fef.txt")  # the thesis, where available


def _row(name: str, **match: str) -> dict[str, str]:
    rows = [r for r in tables.load(name) if all(r[k] == v for k, v in match.items())]
    assert len(rows) == 1, (name, match, rows)
    return rows[0]


def test_every_table_is_listed_and_loads_with_sources_that_resolve():
    keys = {w["key"] for w in tomllib.loads((ROOT / "content" / "bibliography.toml").read_text("utf-8"))["work"]}
    assert set(tables.names()) == set(tables.TABLES)
    for name in tables.names():
        rows = tables.load(name)
        assert rows, name
        assert all(r["source"] in keys for r in rows), name
        assert all(r["page"] for r in rows), name


def test_first_line_is_a_header_without_comments():
    for path in sorted((ROOT / "content" / "tables").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert "source" in header and not header[0].startswith("#"), path.name


def test_unknown_table_is_a_clear_error():
    with pytest.raises(tables.TableError, match="no table 'nope'"):
        tables.load("nope")
    with pytest.raises(tables.TableError):
        tables.load("../bibliography")


def test_approval_by_group_figure_5_4():
    total = _row("approval_by_group", group_id="total")
    assert (total["n"], total["strongly_approve_pct"], total["somewhat_approve_pct"]) == ("2209", "48.89", "31.11")
    assert _row("approval_by_group", group_id="government")["strongly_approve_pct"] == "64.07"
    assert _row("approval_by_group", group_id="tencent")["strongly_approve_pct"] == "58.61"
    assert _row("approval_by_group", group_id="government-only")["neither_pct"] == "34.36"
    for r in tables.load("approval_by_group"):
        parts = [tables.number(r[k]) for k in r if k.endswith("_pct")]
        assert sum(parts) == pytest.approx(100, abs=0.05), r["group_id"]


def test_behaviour_change_figures_5_8_to_5_10():
    assert _row("behaviour_change_by_scheme", scheme_id="government-only")["changed_pct"] == "100.0"
    assert _row("behaviour_change_by_scheme", scheme_id="commercial-only")["unchanged_pct"] == "6.5"
    assert _row("behaviour_change_by_scheme", scheme_id="government")["change_index"] == "5.2"
    unfriended = _row("behaviour_change_by_kind", aim="avoid", kind_id="unfriending")
    assert [unfriended[k] for k in ("total_pct", "commercial_only_pct", "government_and_commercial_pct",
                                    "government_only_pct")] == ["17.4", "15.6", "33.7", "40.6"]
    assert _row("behaviour_change_by_kind", aim="raise", kind_id="mobile-payment")["total_pct"] == "60.9"
    no_edu = _row("behaviour_change_by_demographic", group="No education")
    assert (no_edu["changed_pct"], no_edu["directional_index"]) == ("75.0", "-0.2")
    assert _row("behaviour_change_by_demographic", group="West")["changed_pct"] == "96.2"


def test_ncisp_tables_section_3_6():
    assert _row("ncisp_agencies", agency="NDRC")["datasets"] == "73"
    assert tables.column("ncisp_agencies", "datasets") == [73, 34, 28, 27, 24, 24, 3, 2, 2, 1]
    assert tables.column("ncisp_datasets_by_subject", "datasets") == [261, 74, 32, 33]
    assert sum(tables.column("ncisp_datasets_by_subject", "datasets")) == 400
    assert sum(tables.column("ncisp_datasets_by_sharing", "datasets")) == 384
    assert _row("ncisp_facts", fact_id="data-points-2018")["value"] == "10700000000"


def test_licensed_platforms_table_4_1():
    rows = tables.load("licensed_platforms")
    assert len(rows) == 8
    assert _row("licensed_platforms", platform="Sesame Credit")["users_millions"] == "520"
    assert _row("licensed_platforms", platform="Tencent Credit")["year"] == "2017"
    assert _row("licensed_platforms", platform="Zhuzhu Fen")["potential"] == "yes"
    assert [int(r["year"]) for r in rows] == sorted(int(r["year"]) for r in rows)


def test_sesame_thresholds_and_travel_bans():
    assert tables.column("sesame_thresholds", "score") == [600, 650, 666, 700, 750]
    assert _row("sesame_thresholds", score="666")["comparison"] == "above"
    assert tables.column("travel_bans_2017", "people") == [6_150_000, 1_650_000]
    assert _row("travel_bans_2017", ban_id="exit")["source"] == "timofeeva-2020"


@pytest.mark.skipif(not SEED.exists(), reason="the thesis text is not on this machine")
@pytest.mark.parametrize("name, label, columns", [
    ("behaviour_change_by_scheme", "scheme", ("changed_pct", "unchanged_pct", "change_index", "directional_index")),
    ("behaviour_change_by_demographic", "group", ("changed_pct", "unchanged_pct", "change_index",
                                                  "directional_index")),
    ("behaviour_change_by_kind", "kind", ("total_pct", "commercial_only_pct", "government_and_commercial_pct",
                                          "government_only_pct")),
    ("ncisp_agencies", "agency", ("datasets",)),
])
def test_rows_appear_in_the_thesis_as_printed(name, label, columns):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for r in tables.load(name):
        printed = "\t".join(r[c] for c in columns)
        assert any(line.rstrip().endswith(printed) or printed in re.sub(r"\s+", "\t", line) for line in lines), \
            (name, r[label], printed)
