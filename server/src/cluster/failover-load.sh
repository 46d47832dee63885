#!/usr/bin/env bash
# Two portal instances over one PostgreSQL behind nginx (server/src/main/nginx/portal.conf), all on
# this machine: requests/s through the front with one and with two instances (wrk), then load
# through the front while the instance holding the staff member's session is killed (SIGKILL):
# error rate, recovery time, and whether every acknowledged write is in the database.
#
#   mvn -o -B -q -pl server -am verify -DskipTests     # once: assembles target/server
#   server/src/cluster/failover-load.sh
#
# Needs nginx (Debian: apt-get install -y nginx-light), wrk, psql, and a PostgreSQL on 127.0.0.1
# where user postgres may create a database. Settings (environment): PORT_A/PORT_B (8116/8117),
# GRID_A/GRID_B (6916/6917), DB (trials_failover, dropped and created), DURATION (15 s per wrk run),
# CONNECTIONS (16), FAILOVER_SECONDS (30), KILL_AT (10).
set -euo pipefail
cd "$(dirname "$0")/../.."   # the server module
PORT_A=${PORT_A:-8116} PORT_B=${PORT_B:-8117} GRID_A=${GRID_A:-6916} GRID_B=${GRID_B:-6917}
DB=${DB:-trials_failover} DURATION=${DURATION:-15} CONNECTIONS=${CONNECTIONS:-16}
FAILOVER_SECONDS=${FAILOVER_SECONDS:-30} KILL_AT=${KILL_AT:-10}
server=$(pwd)/target/server
work=$(pwd)/target/failover
[ -f "$server/root/launch-micro.jar" ] || { echo "build first: mvn -pl server -am verify -DskipTests" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/tmp" "$work/nginx"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
front_port=$(free_port)
front=http://127.0.0.1:$front_port
pids=()
cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

start_instance() { # name http-port grid-port
  (
    export TRIALS_HTTP_ADDRESS=127.0.0.1 TRIALS_DEMO=true TRIALS_DATA_DIR="$work/$1-data" TRIALS_HTTP_TRUSTED_PROXIES=127.0.0.1
    export TRIALS_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource
    export TRIALS_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB TRIALS_DATASOURCE_USER=postgres TRIALS_DATASOURCE_PASSWORD=
    # hazelcast.socket.bind.any=false: the grid listens on --interfaces only, not on every one.
    # --sslport: the root directory is shared, and keeps the HTTPS port of the last start.
    exec java -XX:SharedArchiveFile="$server/root/payara.jsa" -XX:TieredStopAtLevel=1 \
      -Dproduct.name="Payara Micro" -Xmx768m -Djava.io.tmpdir="$work/tmp" -Dhazelcast.socket.bind.any=false \
      -jar "$server/root/launch-micro.jar" --rootdir "$server/root" --disablephonehome \
      --port "$2" --sslport "$(free_port)" --maxHttpThreads 16 --minHttpThreads 8 \
      --clustername trials-failover --interfaces 127.0.0.1 --startport "$3" \
      --clustermode "tcpip:127.0.0.1:$GRID_A,127.0.0.1:$GRID_B" \
      --prebootcommandfile "$server/cluster/pre-boot-commands.asadmin" \
      --postbootcommandfile "$server/post-boot-commands.asadmin"
  ) >"$work/$1.log" 2>&1 &
  pids+=($!)
  eval "pid_$1=$!"
  local begin=$(date +%s)
  until curl -fs -o /dev/null "http://127.0.0.1:$2/admin/login.xhtml" && curl -fs -o /dev/null "http://127.0.0.1:$2/trials/NCT02633163"; do
    sleep 0.5
    [ $(( $(date +%s) - begin )) -lt 300 ] || { echo "instance $1 did not start; see $work/$1.log" >&2; exit 1; }
  done
  echo "instance $1 ready on port $2 in $(( $(date +%s) - begin )) s"
}

sed -e "s/127.0.0.1:8080/127.0.0.1:$PORT_A/" -e "s/127.0.0.1:8081/127.0.0.1:$PORT_B/" \
  -e "s/listen 80;/listen 127.0.0.1:$front_port;/" src/main/nginx/portal.conf >"$work/nginx/portal.conf"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  include $work/nginx/portal.conf;
}
CONF

measure() { # label
  wrk -t2 -c"$CONNECTIONS" -d10s "$front/trials/NCT02633163" >/dev/null # warm-up (C1 compiles the page's code)
  echo "--- $1: wrk -t2 -c$CONNECTIONS -d${DURATION}s $front/trials/NCT02633163 (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$front/trials/NCT02633163" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors"
}

start_instance a "$PORT_A" "$GRID_A"
nginx -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -p "$work/nginx"
echo "front (nginx) on $front"
measure "one instance (B not started)"
start_instance b "$PORT_B" "$GRID_B"
grep -q "DG Size: 2" "$work/b.log" && echo "data grid: 2 members"
ss -ltn | grep -E ":($GRID_A|$GRID_B) " || true
for _ in 1 2 3 4 5 6 7 8 9 10; do curl -fs -o /dev/null "http://127.0.0.1:$PORT_B/trials/NCT02633163"; done
measure "two instances"

password=$(sed -n 's/^ *investigator.cedars *INVESTIGATOR *password: \(.*\)$/\1/p' "$work/a.log" | head -n 1)
echo "--- failover: $FAILOVER_SECONDS s through the front, 4 readers and 1 writer, kill at $KILL_AT s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp target/test-classes org.opentrials.portal.it.FailoverLoad "$front" \
  "http://127.0.0.1:$PORT_A=$pid_a,http://127.0.0.1:$PORT_B=$pid_b" "$KILL_AT" "$FAILOVER_SECONDS" 4 \
  investigator.cedars "$password" "$work/acknowledged.txt"

acknowledged=$(wc -l <"$work/acknowledged.txt")
missing=0
while read -r name; do
  found=$(psql -tA -h 127.0.0.1 -U postgres -d "$DB" -c "SELECT COUNT(*) FROM audit_entry WHERE field_name = 'contactName' AND new_value = '$name'")
  [ "$found" -ge 1 ] || { missing=$((missing + 1)); echo "acknowledged but not in the database: $name"; }
done <"$work/acknowledged.txt"
echo "acknowledged writes: $acknowledged; missing from the database: $missing"
[ "$missing" -eq 0 ]
