"""The model card: every mechanism has a basis users can check, and docs/ says the same."""

from pathlib import Path

from ermu.models.content import bibliography
from ermu.models.years.card import MECHANISMS, Basis, markdown
from ermu.models.years.parameters import SPECS

ROOT = Path(__file__).resolve().parents[2]


def test_every_mechanism_has_a_basis_and_every_citation_resolves():
    works = bibliography()
    for item in MECHANISMS:
        assert item.basis, item.id
        for kind, sources, why in item.basis:
            assert why.render().endswith(".")
            assert all(s.key in works for s in sources), item.id
            if kind is Basis.SOURCE:
                assert sources and all(s.pages for s in sources), f"{item.id}: a source needs its pages"
            if kind is Basis.THEORY:  # theory is from the named background reading, never a seed
                assert sources and all(not works[s.key].cited_in for s in sources)


def test_every_parameter_belongs_to_a_mechanism_on_the_card():
    ids = {item.id for item in MECHANISMS}
    assert {spec.mechanism for spec in SPECS.values()} <= ids


def test_the_docs_card_is_the_models_card():
    assert (ROOT / "docs" / "years-model-card.md").read_text(encoding="utf-8") == markdown()
    text = markdown()
    assert "Theory, not history" in text and "illustrative" in text and "hsiao-1960, p. 46" in text
