#!/usr/bin/env bash
# The segmentation benchmark in one command, from the repository root or anywhere:
#   bench/segmentation.sh            build, start PostgreSQL + Kafka (devstack) and the service, seed once, measure
# Environment: CUSTOMERS (1000000), EVENTS (60000; 0 skips the event phase), SEED=1 (seed again although seeded),
# SEG_BENCH_HOME (bench/target/segmentation: kept database and logs), SEG_BENCH_BUILD=0 (use the jars already built).
# Ports: PostgreSQL 25232, Kafka 25292, service 25291. Everything it starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${SEG_BENCH_HOME:-$ROOT/bench/target/segmentation}
CUSTOMERS=${CUSTOMERS:-1000000}
EVENTS=${EVENTS:-60000}
mkdir -p "$WORK"
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null' EXIT

if [ "${SEG_BENCH_BUILD:-1}" != 0 ]; then
  ./mvnw -B -q -pl segmentation-service,bench -am install -DskipTests -Dquarkus.container-image.build=false
  ./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$WORK/bench.cp"
  # the service and the bench run from copies, so that a build meanwhile does not change them
  rm -rf "$WORK/app" "$WORK/bench-classes"
  cp -r segmentation-service/target/quarkus-app "$WORK/app"
  cp -r bench/target/classes "$WORK/bench-classes"
fi
CP="$WORK/bench-classes:$(cat "$WORK/bench.cp")"
echo "start: $(date -u +%FT%TZ) $(uptime)"

RAPPORT_HOME="$WORK/home" java -Xmx768m -Drapport.project.root="$WORK/home" -cp "$CP" io.rapport.devstack.DevStackMain \
  --pg-port 25232 --kafka-port 25292 --databases segmentation > "$WORK/devstack.log" 2>&1 &
for _ in $(seq 1 180); do grep -q "DEVSTACK READY" "$WORK/devstack.log" && break; sleep 1; done
grep "DEVSTACK READY" "$WORK/devstack.log"

# the outbox relay is off so that publishing the first run's 2,000,000 events does not compete with the measurement
RAPPORT_HTTP_PORT=25291 RAPPORT_DB_JDBC_URL=jdbc:postgresql://127.0.0.1:25232/segmentation \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:25292 RAPPORT_OUTBOX_RELAY_ENABLED=false \
  java -Xmx768m -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
for _ in $(seq 1 180); do curl -sf localhost:25291/q/health/ready > /dev/null && break; sleep 1; done
curl -sf localhost:25291/q/health/ready > /dev/null && echo "service ready"

JDBC=jdbc:postgresql://127.0.0.1:25232/segmentation
if [ "${SEED:-0}" = 1 ] || [ ! -f "$WORK/seeded-$CUSTOMERS" ]; then
  rm -f "$WORK"/seeded-*
  java -cp "$CP" io.rapport.bench.segmentation.SegmentationBench --phase seed --jdbc "$JDBC" --customers "$CUSTOMERS"
  touch "$WORK/seeded-$CUSTOMERS"
fi
java -cp "$CP" io.rapport.bench.segmentation.SegmentationBench --phase measure --jdbc "$JDBC" \
  --service http://localhost:25291 --kafka 127.0.0.1:25292 --customers "$CUSTOMERS" --events "$EVENTS"
echo
echo "where each run's time went (service log):"
grep -a -o '"message":"\(run \|runs of\|events of run\|window totals\)[^"]*' "$WORK/service.log" | cut -c12- || true
echo "end: $(date -u +%FT%TZ) $(uptime)"
