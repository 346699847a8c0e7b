"""An empire preset holds only what the sources document: 887 or 1,159 counties, a zoom it has."""

import pytest

from ermu.models.presets import Preset, PresetError


def test_documented_counts_and_zooms_pass():
    assert Preset.parse({"view": "empire", "counties": 1159, "zoom": "jia"}, "p").options["counties"] == 1159
    assert Preset.parse({"view": "empire", "regime": "qing-baojia", "zoom": "pai"}, "p").options["zoom"] == "pai"


@pytest.mark.parametrize("data, field", [
    ({"counties": 5}, "p.counties"),
    ({"counties": 0}, "p.counties"),
    ({"county": 888}, "p.county"),
    ({"counties": 1159, "county": 0}, "p.county"),
    ({"zoom": "pai"}, "p.zoom"),  # a Qing level under the Ming lijia
    ({"regime": "sui", "zoom": "jia"}, "p.zoom"),
])
def test_undocumented_options_are_refused_naming_the_field(data, field):
    with pytest.raises(PresetError) as caught:
        Preset.parse({"view": "empire", **data}, "p")
    assert str(caught.value).startswith(field + ":")
