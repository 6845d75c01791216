#!/usr/bin/env bash
# Intake against a real IMAP server (issue 13): Dovecot (Debian's dovecot-imapd, installed if missing)
# on loopback, in its own configuration under target/dovecot (the system's Dovecot is not touched).
# N confirmation mails wait in a Maildir; 1, then 2 replicas of the service (separate JVMs, one
# PostgreSQL) read them; prints mails/s for each replica count.
#
# Usage: bench/intake-dovecot.sh [mails] [replica counts]     e.g. bench/intake-dovecot.sh 1000 "1 2"
# (from the repository root; PostgreSQL at localhost:5432, user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS=${1:-1000}
REPLICAS=${2:-"1 2"}
PORT=${DOVECOT_PORT:-14143}

command -v dovecot >/dev/null || { echo "instalando dovecot-imapd" >&2; apt-get install -y -q dovecot-imapd >/dev/null; }
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null

DIR=$(pwd)/target/dovecot
rm -rf "$DIR"; mkdir -p "$DIR/run" "$DIR/state" "$DIR/home"
# mail is owned by the package's dovecot user: Dovecot refuses root as a mail user
echo "confirmaciones:{PLAIN}secreto:$(id -u dovecot):$(id -g dovecot)::$DIR/home/confirmaciones" > "$DIR/users"
cat > "$DIR/dovecot.conf" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DIR/users
}
mail_location = maildir:~/Maildir
first_valid_uid = $(id -u dovecot)
default_login_user = dovenull
default_internal_user = dovecot
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
chmod 755 "$DIR" "$DIR/home"
dovecot -c "$DIR/dovecot.conf"
trap 'doveadm -c "$DIR/dovecot.conf" stop 2>/dev/null || true' EXIT

java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-test.classpath)" \
    bench/DovecotIntakeBench.java "$MAILS" "$DIR/home/confirmaciones/Maildir" "$PORT" $REPLICAS
