#!/usr/bin/env bash
# The whole catalogue on one machine (issue 11): generates N registry studies, imports them with
# the command-line ImportCommand, starts the portal as `mvn -Prun` does (without demo content),
# and prints a table: import time, start to first page (index rebuilt, then index present),
# resident memory, and for each request 20 s at 10 connections with wrk: requests/s, p50, p99,
# errors; then the same requests with every URL made unique (bench/vary.lua), which the page cache
# cannot answer.
#
#   bench/catalogue.sh N                      # H2 file in bench/target/catalogue-N
#   BENCH_DB=postgres bench/catalogue.sh N    # PostgreSQL on 127.0.0.1:5432 (database bench_N)
#
# Needs: the built server (mvn -o -DskipTests package) and benchmarks jar
# (mvn -o -Pbench -pl benchmarks -am package -DskipTests), wrk (apt-get install wrk).
# Environment: BENCH_PORT (8111), BENCH_HEAP (-Xmx768m, the README's default), BENCH_SECONDS (20),
# BENCH_KEEP=1 to reuse an imported database of the same N; BENCH_SERVER (server/target/server) to
# measure a copy of the built server while the build goes on.
set -euo pipefail
N=${1:?usage: bench/catalogue.sh N}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${BENCH_PORT:-8111}
HEAP=${BENCH_HEAP:--Xmx768m}
SECONDS_EACH=${BENCH_SECONDS:-20}
DB=${BENCH_DB:-h2}
WORK=$ROOT/bench/target/catalogue-$N-$DB
SERVER=${BENCH_SERVER:-$ROOT/server/target/server}
JAR=$ROOT/benchmarks/target/benchmarks.jar
[ -f "$SERVER/ROOT.war" ] || { echo "build first: mvn -o -DskipTests package"; exit 2; }
[ -f "$JAR" ] || { echo "build first: mvn -o -Pbench -pl benchmarks -am package -DskipTests"; exit 2; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 2; }
mkdir -p "$WORK"

if [ "$DB" = postgres ]; then
  URL="jdbc:postgresql://127.0.0.1:5432/bench_$N"; USER_=postgres; PASS=postgres
  export TRIALS_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource TRIALS_DATASOURCE_URL="$URL" \
    TRIALS_DATASOURCE_USER=$USER_ TRIALS_DATASOURCE_PASSWORD=$PASS
else
  URL="jdbc:h2:file:$WORK/data/trials;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"; USER_=trials; PASS=embedded
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, load $(load); heap $HEAP; N=$N; database $DB"

IMPORT_S=-
if [ "${BENCH_KEEP:-0}" != 1 ] || [ ! -f "$WORK/imported" ]; then
  rm -rf "$WORK/data"
  if [ "$DB" = postgres ]; then
    dropdb -h 127.0.0.1 -U postgres --if-exists "bench_$N"; createdb -h 127.0.0.1 -U postgres "bench_$N"
  fi
  [ -f "$WORK/studies.zip" ] || java -cp "$JAR" org.opentrials.portal.benchmarks.RegistryStudyGenerator "$N" 0 "$WORK/studies.zip" >/dev/null
  t0=$(date +%s.%N)
  java -Xmx1g -cp "$JAR" org.opentrials.portal.registry.ImportCommand "$URL" "$USER_" "$PASS" "$WORK/studies.zip" | tail -1
  IMPORT_S=$(echo "$(date +%s.%N) - $t0" | bc)
  touch "$WORK/imported"
fi
echo "import: ${IMPORT_S} s; load $(load)"

PID=
stop() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
trap stop EXIT
STARTED=
start() { # sets STARTED: seconds from JVM start to the first search page answered 200
  local t0; t0=$(date +%s.%N)
  ( cd "$ROOT" && TRIALS_HTTP_ADDRESS=127.0.0.1 exec java -XX:SharedArchiveFile="$SERVER/root/payara.jsa" -XX:TieredStopAtLevel=1 \
      -Dproduct.name="Payara Micro" $HEAP -Djava.io.tmpdir="$WORK" -Dtrials.data.dir="$WORK/data" \
      -jar "$SERVER/root/launch-micro.jar" --rootdir "$SERVER/root" --nocluster --disablephonehome \
      --port "$PORT" --maxHttpThreads 16 --minHttpThreads 8 \
      --prebootcommandfile "$SERVER/pre-boot-commands.asadmin" \
      --postbootcommandfile "$SERVER/post-boot-commands.asadmin" ) > "$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/trials?q=lupus" \
       && { [ "$1" = present ] || grep -q "search index rebuilt" "$WORK/server.log"; }; then
      STARTED=$(echo "$(date +%s.%N) - $t0" | bc); return
    fi
    sleep 0.2
  done
  STARTED=timeout
}

rm -rf "$WORK/data/search-index"   # the first start rebuilds it
start missing; FIRST=$STARTED
REBUILD=$(grep -o "search index rebuilt: [0-9]* trials in [0-9]* ms" "$WORK/server.log" | tail -1 || true)
stop
start present; SECOND=$STARTED
echo "start to first page: ${FIRST} s with the index rebuilt at start (${REBUILD:-no rebuild}); ${SECOND} s with the index present"

BASE="http://127.0.0.1:$PORT"
declare -a NAMES=("search by word" "common word (a third)" "ZIP within 100 miles" "word + ZIP" "home" "/match" "sitemap index")
declare -a PATHS=("/trials?q=myositis&status=any" "/trials?q=lupus" "/trials?near=90048&radius=100" \
  "/trials?q=arthritis&near=02115&radius=100" "/" "/match" "/sitemap.xml")
for p in "${PATHS[@]}"; do echo "warm-up $p: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' "$BASE$p")"; done
RSS=$(( $(ps -o rss= -p "$PID") / 1024 ))
printf "\n| request | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n"
for i in "${!NAMES[@]}"; do
  out=$(wrk -t2 -c10 -d"${SECONDS_EACH}s" --latency "$BASE${PATHS[$i]}" 2>&1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  sock=$(echo "$out" | awk '/Socket errors/ {s=0; for(i=3;i<=NF;i++){gsub(",","",$i); if($i ~ /^[0-9]+$/) s+=$i}; print s}')
  printf "| %s \`%s\` | %s | %s | %s | %s |\n" "${NAMES[$i]}" "${PATHS[$i]}" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${sock:-0} ))"
done
printf "\nThe same requests, each URL made unique (bench/vary.lua) so that the page cache never answers:\n"
printf "\n| request, uncached | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n"
for i in "${!NAMES[@]}"; do
  [ "${PATHS[$i]}" = /sitemap.xml ] && continue
  out=$(wrk -t2 -c10 -d"${SECONDS_EACH}s" --latency -s "$ROOT/bench/vary.lua" "$BASE${PATHS[$i]}" 2>&1)
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  sock=$(echo "$out" | awk '/Socket errors/ {s=0; for(i=3;i<=NF;i++){gsub(",","",$i); if($i ~ /^[0-9]+$/) s+=$i}; print s}')
  printf "| %s \`%s\` | %s | %s | %s | %s |\n" "${NAMES[$i]}" "${PATHS[$i]}" "$rps" "$p50" "$p99" "$(( ${non2xx:-0} + ${sock:-0} ))"
done
RSS_AFTER=$(( $(ps -o rss= -p "$PID") / 1024 ))
echo
echo "resident memory: ${RSS} MiB after start and warm-up, ${RSS_AFTER} MiB after the runs; load $(load)"
