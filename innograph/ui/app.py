"""The explorer's entry script, run by ``streamlit run`` (``innograph ui`` starts it): page frame and navigation."""

from __future__ import annotations

import sys
from pathlib import Path

# streamlit puts this file's folder on sys.path, not the package root: make a source checkout importable too.
_root = str(Path(__file__).resolve().parents[2])
if _root not in sys.path:
    sys.path.append(_root)

from innograph.ui import pages  # noqa: E402

pages.main()
