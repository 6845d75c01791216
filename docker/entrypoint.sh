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
# memory exits so the orchestrator restarts it instead of limping on. The JIT compiles a little
# later than its default (CompileThresholdScaling=3): on two cores its compiler threads otherwise
# take a third of the start's CPU, and the PDF extraction benchmark runs as fast once warm.
DEFAULT_OPTS="-XX:MaxRAMPercentage=60 -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC"
DEFAULT_OPTS="$DEFAULT_OPTS -XX:+ExitOnOutOfMemoryError -Xss512k -XX:CompileThresholdScaling=3"
DEFAULT_OPTS="$DEFAULT_OPTS -Dfile.encoding=UTF-8"
mkdir -p "$DATA_DIR/tmp"
PATH_OPTS="-Djava.io.tmpdir=$DATA_DIR/tmp"
JAR="${APP_JAR:-$APP_DIR/seguimiento-oc.jar}"

# AppCDS: the first start of a jar records the classes it loaded, written when it stops; later
# starts map them instead of loading and verifying them again (a quarter less start time). Kept
# under DATA_DIR/cds per jar, JVM and options, so an upgrade records anew. Each start records under
# its own name, so replicas sharing the volume never write one file. APP_CDS=false turns it off;
# CDS_DIR moves it.
CDS_OPTS=""
if [ "${APP_CDS:-true}" = "true" ] && { [ $# -eq 0 ] || [ "$1" = "run" ]; }; then
  cds_dir="${CDS_DIR:-$DATA_DIR/cds}"
  mkdir -p "$cds_dir"
  key=$( { stat -c '%s %Y' "$JAR" "$(readlink -f "$(command -v java)")"; printf '%s' "${JAVA_OPTS:-$DEFAULT_OPTS}"; } \
         | cksum | cut -d' ' -f1)
  archive="$cds_dir/$key.jsa"
  if [ ! -s "$archive" ]; then
    for recorded in "$cds_dir/$key.jsa".*; do
      if [ -s "$recorded" ]; then mv -f "$recorded" "$archive" && break; fi
    done
  fi
  find "$cds_dir" -maxdepth 1 -type f ! -name "$key.jsa*" -delete 2>/dev/null || true
  if [ -s "$archive" ]; then
    CDS_OPTS="-XX:SharedArchiveFile=$archive"
  else
    CDS_OPTS="-XX:ArchiveClassesAtExit=$archive.$$"
  fi
  CDS_OPTS="$CDS_OPTS -Xlog:cds=off -Xlog:cds+dynamic=off"
fi

# shellcheck disable=SC2086 # the options are words on purpose
exec java ${JAVA_OPTS:-$DEFAULT_OPTS} $PATH_OPTS $CDS_OPTS ${JAVA_OPTS_EXTRA:-} -jar "$JAR" "$@"
