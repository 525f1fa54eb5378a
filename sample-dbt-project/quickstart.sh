#!/usr/bin/env bash
# spoke quickstart: a real sync of this sample dbt project on embedded DuckDB, with nothing to install but Java 17
# and Maven. Builds spoke, rebuilds the sample warehouse from the seeds and the models' compiled SQL, starts a local
# webhook receiver, syncs, shows what was sent and what a consumer of the files reads, then syncs again to show that
# only changes are sent, and that a run with nothing to send leaves every file as it was.
set -euo pipefail

sample="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$sample/.." && pwd)"
cd "$root"

echo "== 1/5 building spoke (first run only)"
./spoke --version

echo
echo "== 2/5 rebuilding the sample warehouse (sample-dbt-project/sample.duckdb) from seeds and compiled SQL"
java -cp "target/spoke.jar:target/lib/*" "$sample/scripts/BuildWarehouse.java" "$sample"

echo
echo "== 3/5 starting a local webhook receiver that verifies Standard Webhooks signatures"
secret="$(grep -o "whsec_[A-Za-z0-9+/=]*" "$sample/spoke.yml" | head -n 1)"
work="$(mktemp -d)"
trap 'kill "${receiver:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
java "$sample/scripts/WebhookReceiver.java" "$work/url" "$secret" > "$work/received.log" 2>&1 &
receiver=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.2; done
export SPOKE_SAMPLE_WEBHOOK_URL="$(cat "$work/url")"
echo "receiver listening at $SPOKE_SAMPLE_WEBHOOK_URL"

echo
echo "== 4/5 spoke sync"
./spoke sync --project-dir "$sample"

# What a consumer of the file exports reads: every file under out/, with its row count (one row per line).
list_files() {
  find "$sample/out" -type f -name '*.jsonl' | sort | while read -r file; do
    echo "-- ${file#$root/} ($(wc -l < "$file") rows)"
    if [ "${1:-}" = "--head" ]; then head -n 3 "$file"; fi
  done
}

echo
echo "What was sent, as a consumer reads it: one file per export and run (out/{export}/{timestamp}.jsonl)"
list_files --head
echo "-- the webhook receiver got:"
sleep 0.5
cat "$work/received.log"

echo
echo "== 5/5 spoke sync again: nothing changed in the warehouse, so nothing is sent"
./spoke sync --project-dir "$sample"

echo
echo "The files a consumer reads after the second sync: the same, every row still there (a run with nothing to send"
echo "writes no file; the next change arrives in a new file beside these)"
list_files
