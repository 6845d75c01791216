#!/usr/bin/env bash
# Dashboard page benchmark: 1,000,000 reservations (with rooms and guests), OCs, sent e-mails and
# messages; every page requested repeatedly, server time per page (median, p95, max).
# Usage: bench/pages.sh   (from the repository root; PostgreSQL at localhost:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-test.classpath)" bench/PagesBench.java "$@"
