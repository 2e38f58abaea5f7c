"""Property test: finding figures never fails, whatever the text (needs hypothesis)."""

from __future__ import annotations

import pytest

from tests.unit.test_figure_extraction import ALPHABET, _check

hypothesis = pytest.importorskip("hypothesis")
strategies = pytest.importorskip("hypothesis.strategies")


@hypothesis.settings(max_examples=500, deadline=None)
@hypothesis.given(strategies.text())
def test_any_text(text):
    _check(text)


@hypothesis.settings(max_examples=500, deadline=None)
@hypothesis.given(strategies.lists(strategies.sampled_from(ALPHABET), max_size=40))
def test_any_mix_of_figure_like_pieces(pieces):
    _check("".join(pieces))
