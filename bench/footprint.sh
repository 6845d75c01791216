#!/usr/bin/env bash
# Footprint: start-to-healthy and idle RSS of the packaged service, started by docker/entrypoint.sh
# as the image starts it, with an external PostgreSQL and both mailboxes and SMTP configured
# (GreenMail, in the bench's JVM). Several runs; prints each and the median.
# Usage: bench/footprint.sh [runs] [embedded]   (from the repository root; PostgreSQL at localhost:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests -Dfuzz.skip=true >/dev/null
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
exec java -Xmx256m -cp "target/test-classes:$(cat target/bench-test.classpath)" bench/FootprintBench.java "$@"
