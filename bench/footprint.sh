#!/usr/bin/env bash
# Footprint: start-to-healthy and idle RSS of the packaged service, started by docker/entrypoint.sh
# as the image starts it, with an external PostgreSQL and both mailboxes and SMTP configured
# (GreenMail, in the bench's JVM). Several runs; prints each and the median.
# Usage: bench/footprint.sh [runs] [embedded]   (from the repository root; PostgreSQL at localhost:5432)
# JVM flags to try: JAVA_OPTS_EXTRA=... (passed through to docker/entrypoint.sh); another jar: FOOTPRINT_JAR=path
set -euo pipefail
cd "$(dirname "$0")/.."
# FOOTPRINT_NO_BUILD=1 measures the jar as it is (an AppCDS archive is only valid for the jar it was made from)
if [ -z "${FOOTPRINT_NO_BUILD:-}" ]; then
  mvn -B -q package -DskipTests -Dfuzz.skip=true >/dev/null
fi
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
exec java -Xmx256m -cp "target/test-classes:$(cat target/bench-test.classpath)" bench/FootprintBench.java "$@"
