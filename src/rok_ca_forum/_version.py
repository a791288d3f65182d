"""Package and data versions, kept apart so that either can move alone.

Reading them costs nothing: no ``importlib.metadata`` look-up at import time.

```pycon
>>> from rok_ca_forum._version import __version__, DATA_VERSION
>>> __version__.count(".") == 2 and DATA_VERSION[:4].isdigit()
True

```
"""

import datetime as _dt

__version__ = "0.1.0"

#: Calendar version of the bundled data (YYYY.MM.DD, with .N for a later change the same day);
#: bumped whenever any data file changes.
DATA_VERSION = "2026.12.04.1"

#: The newest publication date among the sources: the horizon of the evidence. Facts that came
#: later are not in the data, whatever day it was checked (see docs/versioning.md).
DATA_AS_OF = _dt.date(2026, 2, 17)
