"""``python -m rok_ca_forum``: the same as the ``rok-ca-forum`` command."""

import sys

from rok_ca_forum.cli import main

if __name__ == "__main__":
    sys.exit(main())
