#!/usr/bin/env bash
# Sets innograph up in .venv, loads the seed documents into the embedded store and opens the explorer.
# Extra arguments go to `innograph ui` (e.g. --port 8600). INNOGRAPH_STORE picks another store.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .

.venv/bin/innograph load seeds/
.venv/bin/innograph stats
exec .venv/bin/innograph ui "$@"
