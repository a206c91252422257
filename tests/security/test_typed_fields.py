"""How the address's typed fields are read before Zope converts them (core/typedfields.py):
as Zope reads them, so that only what Zope would fail on is set aside."""

from clusterpolisee.core.typedfields import field_flags
from clusterpolisee.core.typedfields import unconverted_fields
import pytest


@pytest.mark.parametrize(
    ("key", "read"),
    [
        ("b_start:int", ("b_start", ["int"])),
        ("page:int:list", ("page", ["list", "int"])),
        ("plain", ("plain", [])),
        ("x:int:not a flag", ("x:int:not a flag", [])),  # no flag past one that is not a flag
        ("rec.attr:float:record", ("rec.attr", ["record", "float"])),
        ("go:int.x", ("go", ["x", "int"])),  # an image button's coordinate
    ],
)
def test_a_field_name_is_read_as_zope_reads_it(key, read):
    assert field_flags(key) == read


def test_only_values_zope_cannot_read_are_set_aside():
    query = "&".join(
        (
            *("q=a%3Ab", "b_start:int=20", "bad:int=abc", "x%3Afloat=1.5", "when:date=someday"),
            *("n:default:int=0", "n:int=", "e:int:ignore_empty=", "both:date:int=2026-01-02"),
            *("word:ascii=%C3%A9", "flag:boolean=maybe", "words:lines=a", "go:int.x=12"),
        )
    )
    assert unconverted_fields(query) == [
        ("bad:int=abc", "bad", "int"),
        ("when:date=someday", "when", "date"),
        ("word:ascii=%C3%A9", "word", None),  # an encoding that does not decode it
    ]
    assert unconverted_fields("b_start:int=") == [("b_start:int=", "b_start", "int")]
    # Zope knows a default once it has read it.
    assert unconverted_fields("n:int=&n:default:int=0") == [("n:int=", "n", "int")]
    assert unconverted_fields("n:default:int=zero") == [("n:default:int=zero", "n", "int")]
