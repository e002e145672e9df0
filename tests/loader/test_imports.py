"""The model and loader import without Textual or Rich (they run for validate, show and export)."""

from __future__ import annotations

import subprocess
import sys


def test_model_and_loader_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys, brief_tui.model, brief_tui.loader, brief_tui.loader.validate, brief_tui.loader.cache;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
