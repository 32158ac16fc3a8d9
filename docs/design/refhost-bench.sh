#!/bin/bash
# usage: refhost-bench.sh before|after — starts a reference host on port 3020 (fresh sample organisation, HSQLDB),
# warms /rest/api/2/myself and GET /decisions/DEMO-2 with wrk, measures each, stops the host.
# Needs a build (target/, the plugin jar, target/aui). "before": the reference host of an older commit compiled first:
#   git archive b1c3f7a src/refhost | tar -x -C /tmp/hostperf-before && cd /tmp/hostperf-before && mkdir classes &&
#   javac -nowarn -d classes -cp <repo>/target/classes:$(cat /tmp/hostperf-cp.txt) $(find src/refhost/java -name '*.java')
set -u
which=$1
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
[ -f /tmp/hostperf-cp.txt ] || mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/hostperf-cp.txt -Dmdep.includeScope=test
CP=target/test-classes:target/classes:$(cat /tmp/hostperf-cp.txt)
[ "$which" = before ] && CP=/tmp/hostperf-before/classes:$CP
rm -rf /tmp/hostperf-data-$which
java -Xmx1g -cp "$CP" -Dmandate.port=3020 -Dmandate.data=/tmp/hostperf-data-$which \
  -Dmandate.jar=target/mandate-0.1.0-SNAPSHOT.jar -Dmandate.aui=target/aui io.mandate.refhost.RefHost > /tmp/hostperf-host-$which.log 2>&1 &
PID=$!
for i in $(seq 1 90); do grep -q "is running" /tmp/hostperf-host-$which.log && break; sleep 1; done
AUTH="Authorization: Basic YWxpY2U6YWxpY2U="
B=http://127.0.0.1:3020/jira
for u in "$B/rest/api/2/myself" "$B/rest/mandate/1.0/decisions/DEMO-2"; do
  wrk -t2 -c32 -d20s -H "$AUTH" "$u" > /dev/null   # warm-up
done
for u in "$B/rest/api/2/myself" "$B/rest/mandate/1.0/decisions/DEMO-2"; do
  echo "== $which $u"; wrk -t2 -c32 -d15s --latency -H "$AUTH" "$u" | grep -E "Requests/sec|99%|Non-2xx"
done
kill $PID; wait $PID 2>/dev/null
