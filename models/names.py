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
