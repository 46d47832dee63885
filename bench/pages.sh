#!/usr/bin/env bash
# Public pages side by side with nginx serving the same bytes (issue 13).
#
#   bench/pages.sh [--jit c1|tiered] [--duration 8] [--connections 50] [--threads 2]
#
# Starts the portal as the run command does (demo content, throw-away H2 under
# bench/target/pages), imports a 437-site study (bench/pages/big_study.py), saves each
# page's HTML into an nginx root, and for each page runs wrk against the portal and against nginx
# back to back. Prints requests/s, p50 and p99 of both, their ratio, the 437-site page's time to
# first byte, and the first render after a change. Needs wrk, nginx and curl (Debian packages
# wrk, nginx-light), a built server (mvn -DskipTests package) and the benchmarks jar (built here
# when missing: mvn -o -Pbench -pl benchmarks -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

jit=c1 duration=8 connections=50 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --jit) jit=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install wrk nginx-light curl)" >&2; exit 2; }
done

server=$top/server/target/server
[ -f "$server/root/launch-micro.jar" ] || mvn -B -q -DskipTests package
work=$top/bench/target/pages
rm -rf "$work"; mkdir -p "$work/data" "$work/html" "$work/nginx"
port=8097 nginx_port=8098
base=http://127.0.0.1:$port

case "$jit" in
  c1) jit_flags=(-XX:TieredStopAtLevel=1) ;;
  tiered) jit_flags=() ;;
  *) echo "--jit c1 or tiered" >&2; exit 2 ;;
esac

pid=
start_server() {
  local started=$(date +%s.%N)
  TRIALS_HTTP_ADDRESS=127.0.0.1 TRIALS_DEMO=true TRIALS_DATA_DIR=$work/data java -XX:SharedArchiveFile="$server/root/payara.jsa" \
    "${jit_flags[@]}" -Dproduct.name="Payara Micro" -Xmx768m -Djava.io.tmpdir="$work" \
    -jar "$server/root/launch-micro.jar" --rootdir "$server/root" --nocluster --disablephonehome \
    --port $port --maxHttpThreads 16 --minHttpThreads 8 \
    --prebootcommandfile "$server/pre-boot-commands.asadmin" \
    --postbootcommandfile "$server/post-boot-commands.asadmin" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fso /dev/null "$base/trials/NCT02633163"; then
      start_seconds=$(echo "$(date +%s.%N) - $started" | bc)
      return
    fi
    kill -0 $pid 2>/dev/null || { tail -30 "$work/server.log"; exit 1; }
    sleep 0.1
  done
  echo "the portal did not answer within 60 s" >&2; exit 1
}
stop_server() { [ -n "$pid" ] && kill $pid 2>/dev/null && wait $pid 2>/dev/null || true; pid=; }
nginx_pid=
cleanup() { stop_server; [ -n "$nginx_pid" ] && kill $nginx_pid 2>/dev/null || true; }
trap cleanup EXIT

# 1. Demo content, then the 437-site study through the command-line import (server stopped: H2).
start_server; stop_server
big=NCT99000437
python3 bench/pages/big_study.py ../shared/ctgov/NCT03475563.json \
  services/src/main/resources/geo/us-zip-centroids.csv.gz "$work/$big.json" $big 437
# The command-line import from the benchmarks jar (it carries what the server would provide).
jar=$top/benchmarks/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -o -Pbench -pl benchmarks -am package -DskipTests
java -cp "$jar" org.opentrials.portal.registry.ImportCommand \
  "jdbc:h2:file:$work/data/trials;WRITE_DELAY=0" trials embedded "$work/$big.json" >"$work/import.log"
start_server
echo "portal up in ${start_seconds}s (JIT: $jit)"

site=$(curl -fs "$base/trials/NCT02633163" | grep -o '/trials/NCT02633163/sites/[a-z0-9-]*' | head -1)
declare -A pages=(
  [trial-demo]="/trials/NCT02633163"
  [trial-437-sites]="/trials/$big"
  [site]="$site"
  [search]="/trials?q=lupus"
  [prescreener]="/trials/NCT02633163/check"
)
order=(trial-demo trial-437-sites site search prescreener)

# 2. The same bytes for nginx.
for name in "${order[@]}"; do curl -fs "$base${pages[$name]}" >"$work/html/$name.html"; done
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nginx_port; root $work/html; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

measure() { # url -> "rps p50 p99 errors"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    /Non-2xx|Socket errors/ {err=err $0}
    END {printf "%s %s %s %s\n", rps, p50, p99, (err=="" ? "0" : "some")}'
}

# 3. Warm up (JIT and page cache), then measure each page against nginx, back to back.
for name in "${order[@]}"; do wrk -t1 -c4 -d3s "$base${pages[$name]}" >/dev/null; done
printf '\n| page | portal req/s | p50 | p99 | nginx req/s | p50 | p99 | ratio |\n|---|---|---|---|---|---|---|---|\n'
for name in "${order[@]}"; do
  read -r prps pp50 pp99 perr < <(measure "$base${pages[$name]}")
  read -r nrps np50 np99 nerr < <(measure "http://127.0.0.1:$nginx_port/$name.html")
  ratio=$(echo "scale=3; $prps / $nrps" | bc)
  printf '| %s `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "${pages[$name]}" \
    "$prps" "$pp50" "$pp99" "$nrps" "$np50" "$np99" "$ratio"
  [ "$perr" = 0 ] || echo "  (portal: errors or non-2xx answers on $name)"
done

# 4. Time to first byte of the 437-site page (cache warm), median of 21.
ttfb=$(for _ in $(seq 1 21); do curl -so /dev/null -w '%{time_starttransfer}\n' "$base/trials/$big"; done |
  sort -n | sed -n 11p)
echo
echo "437-site page, time to first byte (median of 21, cache warm): $(echo "$ttfb * 1000" | bc) ms"
echo "437-site page size: $(wc -c <"$work/html/trial-437-sites.html") bytes, gzip: $(curl -s -H 'Accept-Encoding: gzip' "$base/trials/$big" | wc -c) bytes"
# 5. A render the cache cannot answer (what the first request after a change costs): a query
#    parameter the page ignores makes every request a new cache key. Median of 21.
render=$(for i in $(seq 1 21); do curl -so /dev/null -w '%{time_total}\n' "$base/trials/NCT02633163?render=$i"; done |
  sort -n | sed -n 11p)
echo "demo trial page rendered afresh (first request after a change), median of 21: $(echo "$render * 1000" | bc) ms"
echo "start to first page: ${start_seconds}s; JIT: $jit; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
