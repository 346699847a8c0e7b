"""What each chart draws: a table of the sources, its numbers as bars, and the same numbers
as rows for the table view. Drawing is pure matplotlib on a given Figure; no Qt here."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Callable

from ermu.models.credit import tables
from ermu.models.i18n import _, pgettext
from ermu.models.language import is_chinese

from .canvas import HATCHES, PALETTE, style_axes

APPROVAL = (("strongly_disapprove_pct", "strongly disapprove"), ("somewhat_disapprove_pct", "somewhat disapprove"),
            ("neither_pct", "neither"), ("somewhat_approve_pct", "somewhat approve"),
            ("strongly_approve_pct", "strongly approve"))
KIND_SERIES = (("total_pct", "all"), ("commercial_only_pct", "commercial only"),
               ("government_and_commercial_pct", "government and commercial"), ("government_only_pct", "government only"))
N = tables.number
WRAP = 28  # characters per line of a category label
CONTEXT = "chart"
#: The columns whose cells are words a chart shows (the rest are numbers or quotes "as printed").
LABEL_COLUMNS = ("group", "scheme", "kind", "aim", "dimension", "subject", "sharing", "who_can_see", "platform",
                 "stakeholder", "fact", "measure", "note", "period")


def C_(text: str) -> str:
    """A chart's word in the current language (gettext context "chart"); data cells included."""
    return pgettext(CONTEXT, text) if text else text


def wrap(labels) -> list[str]:
    width = 18 if is_chinese() else WRAP  # a character is nearly two Latin letters wide
    return [textwrap.fill(label, width) for label in labels]


@dataclass(frozen=True)
class ChartSpec:
    id: str
    table: str
    draw: Callable  # (figure, rows) -> None
    columns: tuple[tuple[str, str], ...]  # (csv column, heading) for the table view
    group: str  # the preset key that opens it: approval, behaviour-change, datasets, platforms, reasons, opinion
    keep: str = ""  # only rows whose first cell starts with this ("manage-" of survey_facts)
    title: str = ""  # a title of its own when the chart shows part of a table

    @property
    def info(self):
        return tables.TABLES[self.table]

    @property
    def heading(self) -> str:
        return C_(self.title or self.info.title)

    def rows(self) -> list[dict[str, str]]:
        rows = tables.load(self.table)
        if self.keep:
            rows = [r for r in rows if next(iter(r.values())).startswith(self.keep)]
        return rows

    def table_rows(self) -> list[list[object]]:
        numeric = [c.endswith(("_pct", "_index", "_millions")) or c in ("n", "datasets", "count", "percent")
                   for c, _ in self.columns]
        return [[N(r[c]) if is_number and r[c].strip() else (C_(r[c]) if c in LABEL_COLUMNS else r[c])
                 for (c, _), is_number in zip(self.columns, numeric)] for r in self.rows()]

    def headings(self) -> list[str]:
        return [C_(heading) for _, heading in self.columns]


def _hbars(ax, labels, values, *, colour=PALETTE[4], hatch="", unit="%", label=None):
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, values, color=colour, hatch=hatch, edgecolor="white", label=label)
    ax.set_yticks(positions, wrap(labels))
    ax.bar_label(bars, labels=[f"{v:g}{unit}" for v in values], padding=3, fontsize=9)
    ax.margins(x=0.12)
    return bars


def draw_approval(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    labels = [f"{C_(r['group'])} (n = {int(N(r['n'])):,})" for r in rows]
    positions = list(range(len(rows)))[::-1]
    left = [0.0] * len(rows)
    for i, (column, name) in enumerate(APPROVAL):
        values = [N(r[column]) for r in rows]
        bars = ax.barh(positions, values, left=left, color=PALETTE[i], hatch=HATCHES[i], edgecolor="white",
                       label=C_(name))
        ax.bar_label(bars, labels=[f"{v:g}" if v >= 12 else "" for v in values], label_type="center", fontsize=9,
                     color="white" if i in (0, 4) else "#1f2933")
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(positions, wrap(labels))
    ax.set_xlim(0, 100)
    ax.set_xlabel(C_("percent of respondents"))
    figure.legend(ncols=3, loc="outside lower center", fontsize=9, frameon=False)


def draw_by_scheme(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    _hbars(ax, [C_(r["scheme"]) for r in rows], [N(r["changed_pct"]) for r in rows], label="changed_pct")
    ax.set_xlim(0, 110)
    ax.set_xlabel(C_("percent who changed their behaviour at least once"))


def draw_by_kind(figure, rows) -> None:
    axes = figure.subplots(1, 2, sharex=True)
    for ax, aim, title in zip(axes, ("raise", "avoid"), (C_("To raise the score"), C_("To keep it from falling"))):
        style_axes(ax)
        part = [r for r in rows if r["aim"] == aim]
        height = 0.8 / len(KIND_SERIES)
        base = list(range(len(part)))[::-1]
        for i, (column, name) in enumerate(KIND_SERIES):
            positions = [b + 0.4 - height * (i + 0.5) for b in base]
            ax.barh(positions, [N(r[column]) for r in part], height=height, color=PALETTE[[0, 1, 3, 4][i]],
                    hatch=HATCHES[[0, 1, 3, 4][i]], edgecolor="white", label=C_(name))
        ax.set_yticks(base, [textwrap.fill(C_(r["kind"]), 11 if is_chinese() else 22) for r in part])
        ax.set_title(title, fontsize=11)
        ax.set_xlim(0, 100)
        ax.set_xlabel(C_("percent of participants"))
    figure.legend(*axes[0].get_legend_handles_labels(), ncols=4, loc="outside lower center", fontsize=9,
                  frameon=False)


def draw_by_demographic(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    labels = [f"{C_(r['dimension'])}: {C_(r['group'])}" + (" ᵃ" if r["note"] else "") for r in rows]
    _hbars(ax, labels, [N(r["changed_pct"]) for r in rows], label="changed_pct")
    ax.set_xlim(0, 110)
    ax.tick_params(axis="y", labelsize=9)
    ax.set_xlabel(C_("percent who changed their behaviour at least once (ᵃ footnote not reproduced)"))


def draw_datasets_subject(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    _hbars(ax, [C_(r["subject"]) for r in rows], [N(r["datasets"]) for r in rows], unit="", label="datasets")
    ax.set_xlabel(C_("datasets in the NCISP"))


def draw_datasets_sharing(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    _hbars(ax, [C_(r["sharing"]) for r in rows], [N(r["datasets"]) for r in rows], colour=PALETTE[5],
           unit="", label="datasets")
    ax.set_xlabel(C_("datasets in the NCISP"))


def draw_platforms(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    potential = [r["potential"] == "yes" for r in rows]
    labels = [f"{C_(r['platform'])} ({C_(r['stakeholder'])}, {r['year']})" + (C_(" — potential") if p else "")
              for r, p in zip(rows, potential)]
    bars = _hbars(ax, labels, [N(r["users_millions"]) for r in rows], unit=" m", label="users_millions")
    for bar, p in zip(bars, potential):
        if p:
            bar.set_hatch("//")
            bar.set_facecolor("white")
            bar.set_edgecolor(PALETTE[4])
    ax.set_xlabel(C_("million users in 2018 (hatched: a potential user base, not users)"))


def draw_corruption(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    positions = list(range(len(rows)))[::-1]
    bars = ax.barh(positions, [N(r["count"]) / 1000 for r in rows], color=PALETTE[0], edgecolor="white",
                   label="count")
    ax.set_yticks(positions, wrap(C_(r["fact"]) for r in rows))
    ax.bar_label(bars, labels=[r["count_as_printed"] for r in rows], padding=3, fontsize=9)
    ax.margins(x=0.4)
    ax.set_xlabel(C_("thousands, first half of 2017"))


def draw_credit_gap(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    _hbars(ax, [C_(r["group"]) for r in rows], [N(r["people_millions"]) for r in rows], colour=PALETTE[5],
           unit=" m", label="people_millions")
    ax.set_xlabel(C_("million people"))


def draw_epayments(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    labels = [f"{C_(r['platform'])} ({C_(r['measure'])})" for r in rows]
    bars = _hbars(ax, labels, [N(r["users_millions"]) for r in rows], unit=" m", label="users_millions")
    bars[0].set_hatch("//")
    bars[0].set_facecolor("white")
    bars[0].set_edgecolor(PALETTE[4])
    ax.set_xlabel(C_("million users (hatched: all payers, another source)"))


def draw_manage(figure, rows) -> None:
    ax = figure.add_subplot()
    style_axes(ax)
    positions = list(range(len(rows)))[::-1]
    bars = ax.barh(positions, [N(r["percent"]) for r in rows], color=PALETTE[3], edgecolor="white", label="percent")
    ax.set_yticks(positions, wrap(C_(r["fact"]).removeprefix("Respondents who want ") for r in rows))
    printed = [("< " if r["value_as_printed"].startswith("less than") else "") + f"{N(r['percent']):g}%" for r in rows]
    ax.bar_label(bars, labels=printed, padding=3, fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_xlabel(C_("percent of respondents"))


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("approval", "approval_by_group", draw_approval,
              (("group", "Group"), ("n", "N"), *APPROVAL), "approval"),
    ChartSpec("behaviour-scheme", "behaviour_change_by_scheme", draw_by_scheme,
              (("scheme", "Scheme"), ("changed_pct", "Changed (%)"), ("unchanged_pct", "Unchanged (%)"),
               ("change_index", "Change index"), ("directional_index", "Directional index")), "behaviour-change"),
    ChartSpec("behaviour-kind", "behaviour_change_by_kind", draw_by_kind,
              (("aim", "Aim"), ("kind", "Change"), *((c, f"{n} (%)") for c, n in KIND_SERIES)), "behaviour-change"),
    ChartSpec("behaviour-demographic", "behaviour_change_by_demographic", draw_by_demographic,
              (("dimension", "Dimension"), ("group", "Group"), ("changed_pct", "Changed (%)"),
               ("unchanged_pct", "Unchanged (%)"), ("note", "Note")), "behaviour-change"),
    ChartSpec("datasets-subject", "ncisp_datasets_by_subject", draw_datasets_subject,
              (("subject", "Subject"), ("datasets", "Datasets"), ("share_as_printed", "Share as printed")),
              "datasets"),
    ChartSpec("datasets-sharing", "ncisp_datasets_by_sharing", draw_datasets_sharing,
              (("sharing", "Sharing"), ("datasets", "Datasets"), ("who_can_see", "Who can see them")), "datasets"),
    ChartSpec("platforms", "licensed_platforms", draw_platforms,
              (("platform", "Platform"), ("stakeholder", "Stakeholder"), ("year", "Licensed"),
               ("users_millions", "Users (millions)"), ("volume_as_printed", "As printed")), "platforms"),
    ChartSpec("manage", "survey_facts", draw_manage,
              (("fact", "Respondents"), ("percent", "Percent"), ("value_as_printed", "As printed")), "opinion",
              keep="manage-", title="Who should run a national scheme? (Figure 5.5)"),
    ChartSpec("corruption", "corruption_2017", draw_corruption,
              (("fact", "What was counted"), ("count", "Count"), ("count_as_printed", "As printed"),
               ("period", "Period")), "reasons"),
    ChartSpec("credit-gap", "credit_gap", draw_credit_gap,
              (("group", "People"), ("people_millions", "Millions"), ("people_as_printed", "As printed")), "reasons"),
    ChartSpec("epayments", "epayment_users_2019", draw_epayments,
              (("platform", "Platform"), ("users_millions", "Users (millions)"), ("measure", "What is counted"),
               ("users_as_printed", "As printed")), "reasons"),
)
SPECS = {c.id: c for c in CHARTS}


def source_line(spec: ChartSpec) -> str:
    """'Source: Kostka 2018, p. 13, as reproduced in Duke honors thesis 2020, Figure 5.4.' from the table's rows."""
    from .citations import cite_via, short_citation

    rows = spec.rows()
    cited = list(dict.fromkeys(short_citation(r["source"], r["page"]) for r in rows))
    via = list(dict.fromkeys(cite_via(r["via"]) for r in rows if r.get("via")))
    if via:
        text = _("Source: {works}, as reproduced in {via}.").format(works="; ".join(cited), via="; ".join(via))
    else:
        text = _("Source: {works}.").format(works="; ".join(cited))
    return text + (f" {C_(spec.info.note)}" if spec.info.note else "")


def chart_texts():
    """Every word the charts show that lives in data (titles, headings, series, label cells, notes):
    ``tools/i18n.py extract`` imports this and adds them with the context "chart"."""
    for spec in CHARTS:
        yield spec.title or spec.info.title
        if spec.info.note:
            yield spec.info.note
        for _column, heading in spec.columns:
            yield heading
        for row in spec.rows():
            for column in LABEL_COLUMNS:
                if row.get(column, "").strip():
                    yield row[column]
    for _column, name in (*APPROVAL, *KIND_SERIES):
        yield name


__all__ = ["CHARTS", "SPECS", "ChartSpec", "chart_texts", "source_line"]
