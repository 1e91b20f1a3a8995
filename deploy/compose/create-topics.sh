#!/usr/bin/env bash
# Creates Storyline's topics, once, before the services start (they run with STORYLINE_TOPICS_CREATE=false).
# Runs in the apache/kafka image. A topic's partition count is the most instances its consumer can use; raise it
# here before the first start (adding partitions later moves keys). Configs the services rely on: news.incidents
# is compacted (one record per incident); news.raw and news.dlq hold records up to ingest's
# storyline.ingest.max.record.bytes (16 MiB) plus headers.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:9092}"

create() {
  local topic="$1" partitions="$2"
  shift 2
  local configs=()
  for config in "$@"; do
    configs+=(--config "$config")
  done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "${configs[@]}"
}

create news.raw             6 max.message.bytes=16842752
create news.articles        6
create news.enriched        6
create news.incidents       6 cleanup.policy=compact
create news.incident-events 6
create news.alerts          6
create news.dlq             6 max.message.bytes=16842752
