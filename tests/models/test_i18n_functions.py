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
