#!/usr/bin/env bash
# Where the time goes while the bench runs: CPU shares of the stack's processes and a poor man's sampling
# profile of Payara (jstack once a second). docs/performance.md quotes its output.
#
#   load-generator/scripts/profile.sh SECONDS SERVER_PID BROKER_PID [PG_POSTMASTER_PID]
#
# Prints, for the window: each process's CPU (% of one core) and the machine's load; then the states of
# Payara's threads and the most frequent top application frames of the runnable and of the waiting ones.
set -euo pipefail
seconds=$1 server=$2 broker=$3 pg=${4:-}
out=$(mktemp -d)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { # the postmaster and its children (backends, WAL writer, checkpointer)
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do total=$((total + $(ticks "$p"))); done
  echo "$total"
}
hz=$(getconf CLK_TCK)
s0=$(ticks "$server") b0=$(ticks "$broker") p0=0; [ -n "$pg" ] && p0=$(pg_ticks "$pg")
idle0=$(awk '/^cpu /{print $5}' /proc/stat) all0=$(awk '/^cpu /{s=0; for(i=2;i<=NF;i++) s+=$i; print s}' /proc/stat)
for i in $(seq 1 "$seconds"); do
  jstack "$server" > "$out/$i.txt" 2>/dev/null || true
  sleep 1
done
s1=$(ticks "$server") b1=$(ticks "$broker") p1=0; [ -n "$pg" ] && p1=$(pg_ticks "$pg")
idle1=$(awk '/^cpu /{print $5}' /proc/stat) all1=$(awk '/^cpu /{s=0; for(i=2;i<=NF;i++) s+=$i; print s}' /proc/stat)
echo "CPU over ${seconds}s (% of one core): payara $(( (s1 - s0) * 100 / hz / seconds ))," \
     "broker $(( (b1 - b0) * 100 / hz / seconds )), postgresql $(( (p1 - p0) * 100 / hz / seconds ));" \
     "machine busy $(( 100 - (idle1 - idle0) * 100 / (all1 - all0) ))% of $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
# One record per thread: its state, whether it is idle (parked in a pool, waiting for a socket or a
# timer), and its first frame in EventShop, Artemis, EclipseLink, PostgreSQL, the transaction manager or the pools.
cat "$out"/*.txt | awk '
  function flush() { if (name != "") print state "\t" (idle ? "idle" : "busy") "\t" frame }
  /^"/ { flush(); name = $0; state = ""; frame = "-"; top = ""; idle = 0; next }
  /java.lang.Thread.State:/ { state = $2; next }
  /^\tat / && top == "" { top = $2; idle = (top ~ /(epollWait|EPoll|accept|Unsafe.park|Object.wait|Thread.sleep|poll0|select|socketRead|SocketDispatcher.read)/) }
  /^\tat / && frame == "-" && /(eventshop|activemq|eclipse.persistence|postgresql|resource.pool|ejb.containers|com.sun.jts|grizzly.http.server|jersey.server)/ {
    frame = $2; next }
  END { flush() }
' > "$out/frames"
echo "Payara threads (samples): busy $(awk -F'\t' '$2 == "busy"' "$out/frames" | wc -l), idle $(awk -F'\t' '$2 == "idle"' "$out/frames" | wc -l)"
echo "Where the busy threads are (first frame in EventShop, Artemis, EclipseLink, PostgreSQL, pools, JTS):"
awk -F'\t' '$2 == "busy" && $3 != "-"' "$out/frames" | cut -f3 | sort | uniq -c | sort -rn | head -15
echo "Where the threads that wait inside a request or a delivery are (socket reads: a database or broker round trip):"
awk -F'\t' '$2 == "idle" && $3 ~ /eventshop|postgresql|resource.pool|com.sun.jts|eclipse.persistence|ClientSessionImpl|ActiveMQSessionContext|ChannelImpl/' "$out/frames" | cut -f3 | sort | uniq -c | sort -rn | head -15
rm -rf "$out"
