#!/usr/bin/env sh
# A CI step for golden letters: fails when any letter differs from its
# snapshot. Any CI runs it as a plain shell step; run it locally the same way.
#
#   sh examples/golden-ci/golden-check.sh            # check (exit 0 / 1 / 2)
#   sh examples/golden-ci/golden-check.sh update     # accept the letters as they are now
#
# Exit codes: 0 no letter changed; 1 a letter changed, or a case has no
# snapshot, or a snapshot has no case; 2 bad input (a case file or template
# that does not load).
#
# FOIKIT names the foikit command (default: build and run this checkout).
# Set GOLDEN_FORMAT=sarif to write golden.sarif for a code-scanning upload.
set -eu
cd "$(dirname "$0")/../.."

FOIKIT="${FOIKIT:-cargo run --quiet --}"
GOLDEN=examples/golden-ci/golden
# The two real Home Office letters foikit reproduces.
CASES="fixtures/cases/ho-43342-refusal.yaml fixtures/cases/ho-78814-release.yaml"

if [ "${1:-check}" = update ]; then
  # shellcheck disable=SC2086 # FOIKIT and CASES are word lists
  exec $FOIKIT golden update $CASES --dir "$GOLDEN"
fi

if [ "${GOLDEN_FORMAT:-human}" = sarif ]; then
  status=0
  # shellcheck disable=SC2086
  $FOIKIT golden check $CASES --dir "$GOLDEN" --format sarif > golden.sarif || status=$?
  echo "golden check exit $status; annotations in golden.sarif"
  exit "$status"
fi
# shellcheck disable=SC2086
exec $FOIKIT golden check $CASES --dir "$GOLDEN"
