"""Fixtures shared by the tests; plain helpers live in ``tests.helpers``."""

from tests.helpers import data_copy, edit

__all__ = ["data_copy", "edit"]
