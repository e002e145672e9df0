"""``python -m brief_tui``: the same as the ``brief`` command."""

from __future__ import annotations

import sys

from brief_tui.cli import main

sys.exit(main())
