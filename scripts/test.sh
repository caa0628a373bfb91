#!/usr/bin/env bash
# Installs what the tests need (the package with its test extras, Debian's chromium for the
# browser tests, a local Bolt server for the Neo4j store tests) and runs ruff and the tests.
# Extra arguments go to pytest (e.g. -k store, -x). Set NEO4J_URI to test against your own Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the browser tests"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q chromium
fi

.venv/bin/ruff check .

bolt_pid=""
if [ -z "${NEO4J_URI:-}" ]; then
  # ArcadeDB speaking Bolt on loopback stands in for Neo4j; the store tests run against it.
  bolt_dir=$(mktemp -d)
  .venv/bin/python .ci/start_bolt_server.py --dir "$bolt_dir" --env-file "$bolt_dir/env" &
  bolt_pid=$!
  for _ in $(seq 1 180); do [ -s "$bolt_dir/env" ] && break; sleep 1; done
  if [ -s "$bolt_dir/env" ]; then
    # shellcheck disable=SC1091
    set -a; . "$bolt_dir/env"; set +a
    echo "Neo4j store tests run against $NEO4J_URI"
  else
    echo "warning: the local Bolt server did not start; the Neo4j store tests will be skipped" >&2
  fi
fi
cleanup() { [ -n "$bolt_pid" ] && kill "$bolt_pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
