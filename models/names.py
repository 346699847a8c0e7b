"""Names for sample villages: common family names and given names, in pinyin and characters.

Purely illustrative: the generator draws from these lists so that sample households have
plausible names. Given names are common single characters or birth-order names.
"""

FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("Wang", "王"), ("Li", "李"), ("Zhang", "張"), ("Liu", "劉"), ("Chen", "陳"),
    ("Yang", "楊"), ("Huang", "黃"), ("Zhao", "趙"), ("Wu", "吳"), ("Zhou", "周"),
    ("Xu", "徐"), ("Sun", "孫"), ("Ma", "馬"), ("Zhu", "朱"), ("Hu", "胡"),
    ("Guo", "郭"), ("He", "何"), ("Gao", "高"), ("Lin", "林"), ("Luo", "羅"),
    ("Zheng", "鄭"), ("Liang", "梁"), ("Xie", "謝"), ("Song", "宋"), ("Tang", "唐"),
    ("Han", "韓"), ("Feng", "馮"), ("Deng", "鄧"), ("Cao", "曹"), ("Peng", "彭"),
)

GIVEN_NAMES_MALE: tuple[tuple[str, str], ...] = (
    ("Da", "大"), ("Er", "二"), ("San", "三"), ("Si", "四"), ("Wu", "五"),
    ("Liu", "六"), ("Qi", "七"), ("Ba", "八"), ("Fu", "福"), ("Gui", "貴"),
    ("Shun", "順"), ("An", "安"), ("Cai", "財"), ("Xiang", "祥"), ("Lu", "祿"),
    ("Shou", "壽"), ("De", "德"), ("Ming", "明"), ("Zhong", "忠"), ("Yi", "義"),
    ("Wen", "文"), ("Wu", "武"), ("Qing", "慶"), ("Bao", "寶"), ("Tian", "田"),
)

GIVEN_NAMES_FEMALE: tuple[tuple[str, str], ...] = (
    ("Hua", "花"), ("Mei", "梅"), ("Lan", "蘭"), ("Ying", "英"), ("Zhen", "珍"),
    ("Xiu", "秀"), ("Yu", "玉"), ("Feng", "鳳"), ("Qin", "琴"), ("Cui", "翠"),
    ("Juan", "娟"), ("Lian", "蓮"), ("Ju", "菊"), ("Chun", "春"), ("Yun", "雲"),
    ("Xia", "霞"), ("Shu", "淑"), ("Hui", "慧"), ("Ping", "萍"), ("Fang", "芳"),
)


#: The simplified forms of the traditional characters above (OpenCC t2s), for zh-Hans.
SIMPLIFIED: dict[str, str] = {
    '劉': '刘', '吳': '吴', '壽': '寿', '孫': '孙', '寶': '宝', '張': '张', '慶': '庆', '楊': '杨', '祿': '禄',
    '羅': '罗', '義': '义', '蓮': '莲', '蘭': '兰', '謝': '谢', '財': '财', '貴': '贵', '趙': '赵', '鄧': '邓',
    '鄭': '郑', '陳': '陈', '雲': '云', '韓': '韩', '順': '顺', '馬': '马', '馮': '冯', '鳳': '凤', '黃': '黄',
}


class PersonName:
    """A person's name inside a sentence: pinyin in English, the characters in Chinese
    (simplified for zh-Hans), the pinyin again where a user left the characters empty."""

    __slots__ = ("pinyin", "hanzi")

    def __init__(self, pinyin: str, hanzi: str = "") -> None:
        self.pinyin, self.hanzi = pinyin, hanzi

    def render(self, translator=None) -> str:
        from .language import current_language

        language = current_language()
        if not language.startswith("zh") or not self.hanzi.strip():
            return self.pinyin
        if language == "zh-Hans":
            return "".join(SIMPLIFIED.get(c, c) for c in self.hanzi)
        return self.hanzi

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"PersonName({self.pinyin!r}, {self.hanzi!r})"
