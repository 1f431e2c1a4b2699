"""White space in HTML text: runs collapsed, lone no-break spaces kept, nothing else changed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressrelease import parse_html
from pressrelease.readers._html_text import normalise_space

_NO_BREAK = "\u00a0\u202f"


def test_lone_no_break_spaces_stay_and_runs_collapse() -> None:
    assert normalise_space(" Mme\u00a0Balfoort,\n\tle\u00a0\u00a02\u202fdécembre ") == (
        "Mme\u00a0Balfoort, le 2\u202fdécembre"
    )
    assert normalise_space("a \u00a0b\u00a0 c\u00a0") == "a b c"


def test_control_characters_are_not_turned_into_no_break_spaces() -> None:
    # The text kept U+0001 as it is; it came out as NARROW NO-BREAK SPACE when
    # U+0001 served as an internal marker.
    assert normalise_space("Talks\x01 open\u00a0today") == "Talks\x01 open\u00a0today"
    page = (
        "<html><body><h1>T</h1><main><p>Talks\x01 opened a\u00a0b on 2 May 2024, "
        "in the city, as everyone knows.</p></main></body></html>"
    )
    assert [p.text for p in parse_html(page).body] == [
        "Talks\x01 opened a\u00a0b on 2 May 2024, in the city, as everyone knows."
    ]


@given(st.text(alphabet=st.sampled_from(["a", "é", "\x01", " ", "\n", "\t", *_NO_BREAK])))
def test_only_white_space_changes(raw: str) -> None:
    out = normalise_space(raw)
    assert out == out.strip()
    assert "  " not in out
    assert not any(c.isspace() and c not in " " + _NO_BREAK for c in out)
    assert "".join(out.split()) == "".join(raw.split())
    for index, char in enumerate(out):
        if char in _NO_BREAK:  # a kept no-break space stood alone between two non-spaces
            assert not out[index - 1].isspace()
            assert not out[index + 1].isspace()
    assert out.count("\u00a0") + out.count("\u202f") <= raw.count("\u00a0") + raw.count("\u202f")


_BASES = [
    "https://example.org/a/b?q#f",
    "http://example.org:8080",
    "https://example.org/a;p?q",
    "https://user@example.org/x",
    "HTTPS://Example.ORG/x",
    "https://example.org?x",
    "https://[::1]/a",
    "https://exämple.org/",
    "https://example.org\n/x",
]


@given(
    st.sampled_from(_BASES),
    st.lists(st.sampled_from([*"ab/.?#;%:@é\t", "..", "./", "//", "%2e"]), max_size=10),
)
def test_links_from_the_root_resolve_as_urljoin_resolves_them(base: str, pieces: list[str]) -> None:
    from urllib.parse import urljoin

    from pressrelease.readers._html_text import _join

    href = "/" + "".join(pieces)
    try:
        expected = urljoin(base, href)
    except ValueError:
        expected = "ValueError"
    try:
        got = _join(base, href)
    except ValueError:
        got = "ValueError"
    assert got == expected
