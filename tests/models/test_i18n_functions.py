"""The gettext functions follow the chosen translator and fall back to English."""

import gettext

from ermu.models import i18n
from ermu.models.messages import set_translator


def test_english_by_default():
    assert i18n._("Play") == "Play"
    assert i18n.ngettext("{n} house", "{n} houses", 2) == "{n} houses"
    assert i18n.pgettext("verb", "Report") == "Report"
    assert i18n.N_("x") == "x"


def test_follows_the_translator():
    class Upper(gettext.NullTranslations):
        def gettext(self, message):
            return message.upper()

        def pgettext(self, context, message):
            return f"{context}:{message}"

    set_translator(Upper())
    try:
        assert i18n._("play") == "PLAY"
        assert i18n.pgettext("verb", "report") == "verb:report"
    finally:
        set_translator(None)
    assert i18n._("play") == "play"


def test_speaking_chinese_follows_the_language_without_loading_it():
    """``speaking_chinese`` says what ``language.is_chinese`` says, and an English process that
    never chose a language does not load the language layer to find out."""
    import subprocess
    import sys

    from ermu.models.language import set_language

    try:
        set_language("zh-Hant")
        assert i18n.speaking_chinese()
        set_language("en")
        assert not i18n.speaking_chinese()
    finally:
        set_language("en")
    code = ("import sys\nfrom ermu.models.i18n import speaking_chinese\n"
            "print(speaking_chinese(), 'ermu.models.language' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr
