#!/usr/bin/env bash
# Score the narrative loader on the annotated real corpus documents (dev or locked set).
#   tests/corpus_gold/run.sh dev [-v]      # the set we read and tune on
#   tests/corpus_gold/run.sh locked        # the locked set: run it, report the number, do not tune on it
# Needs ../shared/corpus and ../shared/eval beside the repository and graphtool on PATH (or GRAPHTOOL=...).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
set_name=${1:?usage: run.sh dev|locked [-v]}; shift
shared=${SHARED:-$here/../../../shared}
gold=$here/$set_name
docs=$(mktemp -d)
trap 'rm -rf "$docs"' EXIT
for g in "$gold"/*.toml; do
  doc=$(sed -n 's/^document = "\(.*\)"/\1/p' "$g")
  cp "$shared/corpus/narrative/$doc" "$docs/"
done
DOCS=$docs GOLD=$gold "$shared/eval/run.sh" "$@"
