"""The Ming county subdivisions: a territorial overlay shown beside the household regimes.

Counties were divided into cantons, townships and wards, in three structures that were
common in different provinces (Brook 2005, 22). They are places, not household groups,
so they are not a regime: the app shows them beside the lijia and baojia.
"""

from __future__ import annotations

from dataclasses import dataclass

from .spec import Name, Source

BROOK_21 = Source("brook-2005", "21")
BROOK_22 = Source("brook-2005", "22")
BROOK_24 = Source("brook-2005", "24")

COUNTY = Name("縣", "xiàn", "xian", "county")
CANTON = Name("鄉", "xiāng", "xiang", "canton")
SUBCANTON = Name("里", "lǐ", "li", "subcanton")
TOWNSHIP = Name("都", "dū", "du", "township")
WARD = Name("圖", "tú", "tu", "ward")


@dataclass(frozen=True)
class CountyStructure:
    id: str
    title: str
    tiers: tuple[Name, ...]  # from the county down
    where: str
    ward_names: tuple[str, ...]
    sources: tuple[Source, ...]


STRUCTURES: tuple[CountyStructure, ...] = (
    CountyStructure("standard", "Standard structure", (COUNTY, CANTON, TOWNSHIP, WARD),
                    "the most common; widely found in Fujian, Guangdong, Jiangxi and Shanxi",
                    ("tu",), (BROOK_22,)),
    CountyStructure("abbreviated", "Abbreviated structure", (COUNTY, CANTON, WARD),
                    "north China and thinly settled areas: Guangxi, Henan, Huguang, North Zhili, "
                    "Shaanxi and Shandong", ("tu", "she", "tun"), (BROOK_22,)),
    CountyStructure("elaborated", "Elaborated structure", (COUNTY, CANTON, SUBCANTON, TOWNSHIP, WARD),
                    "some densely settled areas, commonly South Zhili and Zhejiang",
                    ("tu",), (BROOK_22, BROOK_24)),
)

#: Ming counties: over 887 created in the first three years, 1,159 by the dynasty's end.
COUNTIES_EARLY = (887, BROOK_21)
COUNTIES_LATE = (1159, BROOK_21)
