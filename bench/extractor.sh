#!/usr/bin/env bash
# Extractor benchmark: ms per document on the real sample, warm, single thread.
# Usage: bench/extractor.sh [pdf] [iterations]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${BENCH_JAVA_OPTS:-} -Xmx512m -cp "target/classes:$(cat target/bench.classpath)" bench/ExtractorBench.java "$@"
