"""What a repository item's set of schemata (its type's and its behaviours') yields, worked out
once: the full text's prose fields, the size's field names.

Not kept for a type whose fields are edited through the web: Dexterity generates its schema and
changes it in place (on every instance, when it notices the change), so the same set of schemata
could stand for other fields; those are worked out at each ask. collective.taxonomy's generated
behaviours are kept: each holds one field, a choice of terms, whatever its taxonomy becomes.
"""

from plone.dexterity.utils import iterSchemata
import plone.dexterity.schema


_EDITED_THROUGH_THE_WEB = plone.dexterity.schema.generated.__name__


def worked_out_once(remembered, obj, work_out):
    """``work_out(schemata)`` for ``obj``'s schemata, kept in ``remembered`` (a dict of the
    caller's) when they are all defined in code."""
    schemata = tuple(iterSchemata(obj))
    found = remembered.get(schemata)
    if found is None:
        found = work_out(schemata)
        if all(schema.__module__ != _EDITED_THROUGH_THE_WEB for schema in schemata):
            remembered[schemata] = found
    return found
