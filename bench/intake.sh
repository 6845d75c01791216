#!/usr/bin/env bash
# Intake benchmark: N confirmation mails waiting in a GreenMail inbox -> all reservations stored.
# Usage: bench/intake.sh [mails]   (from the repository root; PostgreSQL at localhost:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-test.classpath)" bench/IntakeBench.java "$@"
