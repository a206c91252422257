"""The language bar's links carry the page's own query (a search stays a search in the other
language) and nothing a form posted: plone.app.multilingual copies the whole request form into
them, so a consultation's answers and the form's CSRF token ended up in every link of the page
that received them (and in the addresses, logs and Referer headers that follow)."""

from pathlib import Path
from plone.app.multilingual.browser.selector import LanguageSelectorViewlet
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import parse_qsl
from ZTUtils import make_query
import plone.app.multilingual.browser


# Never carried: plone.protect's token, and the selector's own parameters (set afresh below).
DROPPED = frozenset({"_authenticator", "set_language", "post_path"})


class QueryOnlyLanguageSelector(LanguageSelectorViewlet):
    # plone.app.multilingual's own template: only the links change.
    render = ViewPageTemplateFile(
        "languageselector.pt",
        _prefix=str(Path(plone.app.multilingual.browser.__file__).parent / "templates"),
    )

    def languages(self):
        results = super().languages()
        query = {}
        for name, value in parse_qsl(self.request.get("QUERY_STRING", "")):
            if name not in DROPPED:
                query.setdefault(name, []).append(value)
        query = {name: values[0] if len(values) == 1 else values for name, values in query.items()}
        for data in results:
            base, _sep, carried = data["url"].partition("?")
            pairs = dict(query)
            pairs.update(
                (name, value)
                for name, value in parse_qsl(carried)
                if name in ("set_language", "post_path")
            )
            data["url"] = f"{base}?{make_query(pairs)}" if pairs else base
        return results
