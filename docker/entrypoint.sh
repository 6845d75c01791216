#!/usr/bin/env bash
# Starts Seguimiento OC the same way in the container image, under systemd and in the test that
# checks it (ContainerLayoutTest): from the application directory (routes/, templates/, layouts/,
# application.properties, ladder.yaml, the jar and lib/), which may be read-only; everything the
# service writes goes to DATA_DIR, OC_FILES_DIR and LOG_DIR (volumes).
#
# JAVA_OPTS replaces the memory and GC defaults below; JAVA_OPTS_EXTRA adds to them. APP_JAR names
# the jar when it is not in the application directory (a checkout: target/seguimiento-oc.jar).
set -euo pipefail

APP_DIR="${APP_DIR:-$(cd "$(dirname "$0")" && pwd)}"
cd "$APP_DIR"

export DATA_DIR="${DATA_DIR:-$APP_DIR/data}"
export OC_FILES_DIR="${OC_FILES_DIR:-$APP_DIR/oc_files}"
export LOG_DIR="${LOG_DIR:-$APP_DIR/logs}"

for dir in "$DATA_DIR" "$OC_FILES_DIR" "$LOG_DIR"; do
  mkdir -p "$dir" 2>/dev/null || true
  if [ ! -d "$dir" ] || [ ! -w "$dir" ]; then
    echo "ERROR: la carpeta $dir no existe o el usuario $(id -un 2>/dev/null || id -u) no puede escribir en ella;" \
         "móntela como volumen escribible (DATA_DIR, OC_FILES_DIR, LOG_DIR)" >&2
    exit 2
  fi
done

# The heap follows the container's memory limit, starts small and gives memory back after the
# startup garbage is collected (bench/footprint.sh: idle RSS 304 → 212 MB); a JVM that runs out of
# memory exits so the orchestrator restarts it instead of limping on.
DEFAULT_OPTS="-XX:MaxRAMPercentage=60 -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC"
DEFAULT_OPTS="$DEFAULT_OPTS -XX:+ExitOnOutOfMemoryError -Xss512k"
DEFAULT_OPTS="$DEFAULT_OPTS -Djava.io.tmpdir=$DATA_DIR/tmp -Dfile.encoding=UTF-8"
mkdir -p "$DATA_DIR/tmp"

# shellcheck disable=SC2086 # the options are words on purpose
exec java ${JAVA_OPTS:-$DEFAULT_OPTS} ${JAVA_OPTS_EXTRA:-} -jar "${APP_JAR:-$APP_DIR/seguimiento-oc.jar}" "$@"
