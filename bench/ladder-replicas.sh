#!/usr/bin/env bash
# The ladder across replicas (issue 13): N levels due, sent by 1, 2 and 3 replicas (separate JVMs on one
# PostgreSQL) to a local SMTP server; mails/s per replica count, each level delivered once.
# Usage: bench/ladder-replicas.sh [levels] [replica counts]    e.g. bench/ladder-replicas.sh 10000 "1 2 3"
# (from the repository root; PostgreSQL at localhost:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
java ${BENCH_JAVA_OPTS:-} -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-test.classpath)" \
    bench/LadderReplicasBench.java "${1:-10000}" ${2:-1 2 3}
