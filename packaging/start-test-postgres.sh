#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for running the test suite on PostgreSQL too, and
# prints the URL to put in FIELDVISIT_TEST_POSTGRES_URL (its role may create databases).
# Installs the distribution's PostgreSQL if it is missing (sudo unless root). The server keeps
# its data under a temporary folder and listens on 127.0.0.1 only; stop it with:
# pg_ctl -D "$folder/data" stop (the folder is printed on standard error).
#   export FIELDVISIT_TEST_POSTGRES_URL=$(bash packaging/start-test-postgres.sh)
set -euo pipefail
port=${FIELDVISIT_TEST_POSTGRES_PORT:-54329}
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
folder=$(mktemp -d /tmp/fieldvisit-postgres.XXXXXX)
chmod 755 "$folder"
run=()
if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
  chown postgres "$folder"
  run=(runuser -u postgres --)
fi
"${run[@]}" "$bin/initdb" -D "$folder/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >&2
"${run[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
  -o "-h 127.0.0.1 -p $port -k $folder -c fsync=off" start >&2
"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres fieldvisit_test >&2
echo "PostgreSQL for the tests: $folder (port $port)" >&2
echo "postgresql+psycopg://postgres@127.0.0.1:$port/fieldvisit_test"
