#!/usr/bin/env bash
# Longer coverage-guided fuzzing of one target (Jazzer, fuzzing mode). Each round runs the target
# for its @FuzzTest maxDuration (20 s); the corpus grows in .cifuzz-corpus/ between rounds, so
# N rounds fuzz for about N x 20 s. A finding stops the run and is saved under
# src/test/resources/cl/seguimientooc/fuzz/FuzzTargetsTestInputs/<target>/ (it then runs in every test run).
# Usage: bench/fuzz.sh [mimeReaderNeverThrows|extractorNeverThrows|matcherNeverThrows] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-mimeReaderNeverThrows}
rounds=${2:-30}
for i in $(seq 1 "$rounds"); do
  echo "== ronda $i de $rounds: $target"
  JAZZER_FUZZ=1 mvn -B -q test -Dfuzz.skip=true -Dtest="FuzzTargetsTest#$target" -Dsurefire.failIfNoSpecifiedTests=false \
    2>&1 | grep -E "DONE|crash|Exception|FAIL|ERROR" || true
done
