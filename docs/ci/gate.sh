#!/usr/bin/env bash
# Gate a change to the IRQ bypass manager on irqlab's conformance suite: run the
# suite on the base and on the revision under review, keep the matrix and the
# diff as artefacts, and fail when a verdict is worse on the revision under
# review than on the base (`irqlab diff --exit-code`).
#
#   IRQLAB_PROPOSAL  the revision under review: a module id (proposal-report-errors)
#                    or a kernel tree's C (c:linux@HEAD); required
#   IRQLAB_BASE      what it is compared with; default v6.17
#   IRQLAB_OUT       where the artefacts go; default irqlab-out in the working
#                    directory
#
# Exit status: 0 when nothing got worse, 1 when a verdict did, 2 for a usage
# error (an unknown revision, a C source that does not build), 3 for an internal
# error of irqlab, 4 when irqlab itself did not build.
set -euo pipefail
irqlab="$(cd "$(dirname "$0")/../.." && pwd)/irqlab"

proposal="${IRQLAB_PROPOSAL:?set IRQLAB_PROPOSAL to the revision under review}"
base="${IRQLAB_BASE:-v6.17}"
out="${IRQLAB_OUT:-irqlab-out}"
mkdir -p "$out"

# The matrix of both, as a report a later `irqlab diff` reads; its own exit
# status (1 for a cell not as declared) is the diff's to judge.
rc=0
"$irqlab" matrix --revisions "$base,$proposal" --format json -o "$out/matrix.json" || rc=$?
if [ "$rc" -gt 1 ]; then
  exit "$rc"
fi
"$irqlab" diff --exit-code "$out/matrix.json:$base" "$out/matrix.json:$proposal" -o "$out/diff.txt"
