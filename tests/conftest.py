"""Fixtures shared by the engine's transcript tests."""

import pytest
from engine_support import World


@pytest.fixture
def world(tmp_path):
    """The engine on the bundled knowledge base, a directory and a store on disk."""
    w = World(tmp_path)
    yield w
    w.store.close()
