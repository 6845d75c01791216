#!/usr/bin/env bash
# Ladder benchmark: 1,000,000 reservations, 100,000 pending, 1,000 due -> find them, send them over SMTP.
# Usage: bench/ladder.sh   (from the repository root; PostgreSQL at localhost:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-test.classpath)" bench/LadderBench.java "$@"
