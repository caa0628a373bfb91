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

# Debian's chromium drives the browser tests; a CJK font lets it draw the Chinese it shows.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qiE "wqy|noto.*cjk"; then
  echo "installing Debian's chromium and a CJK font for the browser tests"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q chromium fonts-wqy-zenhei
fi
# Debian's docker-compose validates docker-compose.yml without a Docker engine.
if ! command -v docker-compose >/dev/null; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q docker-compose
fi

.venv/bin/ruff check .

# The gold annotations of the seeds sit in shared/ beside the checkout; the quality test reads them.
export INNOGRAPH_GOLD="${INNOGRAPH_GOLD:-$(cd .. && pwd)/shared/gold}"

bolt_started=""
if [ -z "${NEO4J_URI:-}" ]; then
  # ArcadeDB speaking Bolt on loopback stands in for Neo4j; the Neo4j store tests run against it.
  if exports=$(.venv/bin/python .ci/start_bolt_server.py); then
    eval "$exports"
    bolt_started=1
    echo "Neo4j store tests run against $NEO4J_URI"
  elif [ "${CI:-}" = true ]; then
    echo "error: the local Bolt server did not start, so the Neo4j store tests cannot run" >&2
    exit 1
  else
    echo "warning: the local Bolt server did not start; the Neo4j store tests will be skipped" >&2
  fi
fi
cleanup() {
  if [ -n "$bolt_started" ]; then .venv/bin/python .ci/start_bolt_server.py --stop >/dev/null 2>&1 || true; fi
}
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
