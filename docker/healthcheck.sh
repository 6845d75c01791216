#!/usr/bin/env bash
# Container HEALTHCHECK: GET /observe/health/live on the service's own port, with bash alone (the
# runtime image has no curl). Exit 0 when it answers 200.
set -u
port="${WEB_PORT:-8001}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /observe/health/live HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status_line <&3 || exit 1
case "$status_line" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
