#!/usr/bin/env bash
# Where Payara's CPU goes while the bench runs: a Java Flight Recorder recording of SECONDS, summarised as the
# share of CPU samples that pass through each part of the stack (inclusive: a sample counts for every part on
# its stack) and the hottest methods (self time). docs/performance.md quotes its output.
#
#   load-generator/scripts/cpu-profile.sh SECONDS SERVER_PID
#   load-generator/scripts/cpu-profile.sh --file RECORDING.jfr       (a recording made before)
set -euo pipefail
if [ "$1" = --file ]; then
  recording=$2
else
  recording=$(mktemp --suffix=.jfr)
  jcmd "$2" JFR.start name=eventshop-cpu settings=profile duration="$1s" filename="$recording" > /dev/null
  sleep $(($1 + 3))
fi
jfr print --json --events jdk.ExecutionSample "$recording" | python3 -c '
import json, sys, collections
parts = [  # (name, what a frame of it starts with), first match wins per frame
    ("server log (java.util.logging, Payara formatters)", ("java.util.logging", "fish.payara.logging", "com.sun.enterprise.server.logging", "fish.payara.enterprise.server.logging")),
    ("EclipseLink", ("org.eclipse.persistence",)),
    ("PostgreSQL driver", ("org.postgresql",)),
    ("Artemis client and resource adapter", ("org.apache.activemq",)),
    ("transaction manager (JTS, its log)", ("com.sun.jts", "com.sun.enterprise.transaction")),
    ("connection pools (JCA)", ("com.sun.enterprise.resource", "com.sun.enterprise.connectors")),
    ("EJB container", ("com.sun.ejb",)),
    ("CDI (Weld)", ("org.jboss.weld",)),
    ("JSON (Parsson, Yasson)", ("org.eclipse.parsson", "org.eclipse.yasson", "jakarta.json")),
    ("HTTP (Grizzly, Jersey)", ("org.glassfish.grizzly", "org.glassfish.jersey")),
    ("MicroProfile Metrics", ("fish.payara.microprofile.metrics",)),
    ("EventShop code", ("eventshop.",)),
    ("netty", ("io.netty",)),
]
events = json.load(sys.stdin)["recording"]["events"]
inclusive, top = collections.Counter(), collections.Counter()
for event in events:
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in event["values"]["stackTrace"]["frames"]]
    if frames:
        top[frames[0]] += 1
    seen = set()
    for frame in frames:
        for name, prefixes in parts:
            if frame.startswith(prefixes):
                seen.add(name)
    inclusive.update(seen)
total = len(events) or 1
print(f"{len(events)} CPU samples of Payara")
print("Share of samples through each part (inclusive):")
for name, count in inclusive.most_common():
    print(f"  {100 * count / total:5.1f} %  {name}")
print("Hottest methods (self):")
for frame, count in top.most_common(12):
    print(f"  {100 * count / total:5.1f} %  {frame}")
'
