"""Whole numbers as people and Plone send them: typed (digits, as text), or converted already
(``b_start:int``, a number, as Plone's page links send where a listing's page starts)."""


def whole_number(value):
    """``value`` as a whole number (0 or more), or None. Digits must be ASCII: Python's
    ``isdigit`` also takes "²", which ``int`` refuses."""
    if type(value) is int:
        return value if value >= 0 else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def page_start(request):
    """The request's ``b_start``; the first page when it has none, or none that is a number."""
    return whole_number(request.form.get("b_start", 0)) or 0
