"""The sources' tables as data: ``load("approval_by_group")`` -> a list of row dicts.

The CSV files live in the content package (``ermu.content``, folder ``tables``) and are
described in ``content/tables/README.md``. Every row has a ``source`` (a bibliography
key) and a ``page``; values are strings exactly as stored. :func:`number` turns a cell
into an int or float for charts, and :data:`TABLES` says what each file shows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from ..messages import ErmuError, msg

CONTENT_PACKAGE = "ermu.content"
FOLDER = "tables"


class TableError(ErmuError, ValueError):
    """A table that is missing or malformed; the message is for people."""


@dataclass(frozen=True)
class TableInfo:
    title: str  # a chart title, in our words
    figure: str  # where the seed text prints it
    unit: str  # "percent", "datasets", "people", "points"…
    note: str = ""  # sample sizes and caveats


TABLES: dict[str, TableInfo] = {
    "approval_by_group": TableInfo(
        "Approval of credit schemes by group of respondents", "duke-thesis-2020 Figure 5.4", "percent",
        "Weighted online survey, February–April 2018; N per group in column n."),
    "behaviour_change_by_scheme": TableInfo(
        "Who changed their behaviour, by scheme taken part in", "duke-thesis-2020 Figure 5.8", "percent",
        "Indices: behavioural change 0–12, directional change −6 to 6. Government results only "
        "count people who knew they were in a local pilot. The sources disagree: the thesis says every "
        "user changed something, but 5.9 % of all answered no; it calls 93.6 % the lowest share, but "
        "Zhima-only users changed at 91.7 %; it reads 94.0 and 99.4 as people using both kinds of "
        "scheme; and the commercial-only row prints 93.6 yes and 6.5 no, a tenth more than the whole."),
    "behaviour_change_by_kind": TableInfo(
        "What people changed to raise their score or keep it from falling", "duke-thesis-2020 Figure 5.9",
        "percent", "Weighted; N = 1,581 in total, 1,421 commercial only, 160 government and "
        "commercial, 31 government only. The sources disagree: 1,421 and 160 already make 1,581, so "
        "the 31 are left out of the total or counted twice."),
    "behaviour_change_by_demographic": TableInfo(
        "Behaviour change by region, income, age, residence, education and gender",
        "duke-thesis-2020 Figure 5.10", "percent", "Weighted, N = 1,581."),
    "ncisp_agencies": TableInfo(
        "Some agencies supplying datasets to the NCISP", "duke-thesis-2020 Table 3.1", "datasets"),
    "ncisp_datasets_by_subject": TableInfo(
        "NCISP datasets by whom they describe", "duke-thesis-2020 section 3.6.1", "datasets",
        "Of over 400 datasets."),
    "ncisp_datasets_by_sharing": TableInfo(
        "NCISP datasets by who may see them", "duke-thesis-2020 section 3.6.1", "datasets",
        "384 of the 400 datasets have a sharing type."),
    "ncisp_facts": TableInfo("The NCISP in numbers", "duke-thesis-2020 sections 3.6.1–3.6.2", "count"),
    "licensed_platforms": TableInfo(
        "The eight licensed commercial credit platforms and their users in 2018",
        "duke-thesis-2020 Table 4.1", "million users",
        "Zhuzhu Fen's figure is a potential user base, not users."),
    "sesame_thresholds": TableInfo("What a Sesame Credit score unlocks", "duke-thesis-2020 section 4.2", "points"),
    "travel_bans_2017": TableInfo(
        "People barred from travel by 2017", "duke-thesis-2020 section 3.4", "people",
        "The sources disagree: chapter 1 of the thesis says five million people were barred from "
        "high-speed train tickets in one year (Backer 2019, p. 213), against 1.65 million barred from "
        "rail by 2017 here."),
    "survey_facts": TableInfo("Survey results quoted in the text", "duke-thesis-2020 chapter 5", "percent"),
    "corruption_2017": TableInfo(
        "Corruption cases in the first half of 2017", "duke-thesis-2020 chapter 3", "count",
        "Figures the thesis gives as a reason for the system; it also reports that 35 % of firms "
        "paid bribes or gifts to officials in 2015 (Charney and Qazi 2015, p. 1)."),
    "credit_gap": TableInfo(
        "The credit gap: people with financial data and with a credit history", "duke-thesis-2020 section 3.4",
        "million people", "The thesis says the gap costs the government 600 billion yuan, per the "
        "Ministry of Trade (Timofeeva 2020, p. 107)."),
    "epayment_users_2019": TableInfo(
        "Mobile payment users in 2019", "duke-thesis-2020 chapter 4", "million users",
        "The sources disagree: one app's monthly users (WeChat Pay, over 1.08 billion) cannot "
        "outnumber all mobile payers (around 577.4 million); the counts come from different sources "
        "and measure different things."),
}


def names() -> list[str]:
    """The tables shipped with Ermu, by name (without ``.csv``)."""
    folder = resources.files(CONTENT_PACKAGE).joinpath(FOLDER)
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".csv"))


def load(name: str) -> list[dict[str, str]]:
    """The rows of ``content/tables/<name>.csv`` as dicts keyed by the header."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise TableError(msg("credit.table.bad-name", "{name} is not a table name: use one of {known}.", name=repr(name),
                             known=", ".join(names())))
    resource = resources.files(CONTENT_PACKAGE).joinpath(FOLDER, f"{name}.csv")
    if not resource.is_file():
        raise TableError(msg("credit.table.missing", "There is no table {name}: use one of {known}.", name=repr(name),
                             known=", ".join(names())))
    text = resource.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if "source" not in header:
        raise TableError(msg("credit.table.no-source", "Table {name} has no 'source' column in its first row.",
                             name=repr(name)))
    rows = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise TableError(msg("credit.table.bad-row", "Table {name}, line {line}: the row does not match the header.",
                                 name=repr(name), line=line))
        rows.append(row)
    return rows


def number(text: str) -> int | float | None:
    """A cell as a number ("48.89" -> 48.89, "2209" -> 2209); None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)


def column(name: str, key: str) -> list[int | float | None]:
    """One numeric column of a table, in row order, for a chart."""
    return [number(row[key]) for row in load(name)]


__all__ = ["TABLES", "TableError", "TableInfo", "column", "load", "names", "number"]
