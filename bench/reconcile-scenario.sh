# The reconcile scenario of run-fleet.sh (sourced by it; uses its variables and functions): a fleet that
# berth's own `apply` filled with CONTAINERS replicas per node, then no-op reconciles and reconciles that
# must replace 1% of the replicas, counting the docker commands that changed an engine (DIR/mutations.log).

# CONTAINERS Deployments app-1..app-K, NODES replicas each: berth spreads a Deployment's replicas over the
# nodes before it doubles up, so every node runs K of them.
app_manifest() {
  local i
  for i in $(seq "$CONTAINERS"); do
    printf -- '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-%s}\nspec:\n' "$i"
    printf '  replicas: %s\n  selector: {matchLabels: {app: app-%s}}\n' "$NODES" "$i"
    printf '  template:\n    metadata: {labels: {app: app-%s}}\n' "$i"
    printf '    spec:\n      containers:\n        - {name: app, image: "registry.example.com/app-%s:1.0"}\n' "$i"
  done
}

mutations() { wc -l < "$FLEET/mutations.log"; }

# run_reconcile TOOL RUN: one timed `berth reconcile`; appends "tool run seconds status mutations sim_cpu threads rss"
run_reconcile() {
  local tool=$1 run=$2 status=0 before start end ticks_before threads rss
  before=$(mutations)
  ticks_before=$(simulator_ticks)
  start=$(date +%s%N)
  JAVA_TOOL_OPTIONS="-Xmx512m" timeout "$TIMEOUT" /usr/bin/time -v -o "$OUT/$tool-$run.time" \
    "${BERTH_CMD[@]}" reconcile --cluster "$FLEET/cluster.yaml" > "$OUT/$tool-$run.txt" 2> "$OUT/$tool-$run.err" &
  TOOL_PID=$!
  sample_threads "$TOOL_PID" "$OUT/$tool-$run.threads" &
  local sampler=$!
  wait "$TOOL_PID" || status=$?
  TOOL_PID=
  wait "$sampler" || true
  end=$(date +%s%N)
  local seconds sim_cpu changed
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e - s) / 1e9}')
  sim_cpu=$(awk -v b="$ticks_before" -v a="$(simulator_ticks)" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.1f", (a - b) / hz}')
  changed=$(( $(mutations) - before ))
  threads=$(cat "$OUT/$tool-$run.threads" 2>/dev/null || echo -)
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$OUT/$tool-$run.time")
  [ "$status" -eq 0 ] || say "$tool run $run FAILED (exit $status): $(grep -v '^\s*$' "$OUT/$tool-$run.err" | tail -1 | cut -c1-200)"
  say "$tool run $run: ${seconds}s, exit $status, $changed mutations, simulator cpu ${sim_cpu}s," \
    "load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "$tool $run $seconds $status $changed $sim_cpu $threads $rss" >> "$OUT/runs.txt"
}

reconcile_scenario() {
  find_berth || { say "berth is needed for the reconcile scenario"; exit 2; }
  app_manifest > "$WORK/apps.yaml"
  : > "$OUT/runs.txt"
  local status=0 start setup_seconds setup_mutations replicas=$(( NODES * CONTAINERS ))
  say "setup: berth apply, $CONTAINERS Deployments x $NODES replicas"
  start=$(date +%s%N)
  JAVA_TOOL_OPTIONS="-Xmx512m" timeout "$TIMEOUT" "${BERTH_CMD[@]}" apply -f "$WORK/apps.yaml" \
    --cluster "$FLEET/cluster.yaml" > "$OUT/apply.txt" 2>&1 || status=$?
  setup_seconds=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - s) / 1e9}')
  setup_mutations=$(mutations)
  if [ "$status" -ne 0 ]; then
    say "setup FAILED (exit $status): $(tail -1 "$OUT/apply.txt")"
    exit 4
  fi
  say "setup: ${setup_seconds}s, $setup_mutations mutations"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  local run removed
  for run in $(seq "$RUNS"); do
    run_reconcile berth-noop "$run"
    removed=$(ssh "${SSH_OPTS[@]}" -p "$BASE_PORT" bench@127.0.0.1 "fleet-simulator remove-every 100")
    say "simulator: $removed"
    run_reconcile berth-replace-1% "$run"
  done
  stop_simulator
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo "## Reconcile benchmark: $NODES nodes x $CONTAINERS containers, $DELAY_MS ms round trip, $RUNS runs ($(date -u '+%F %H:%M UTC'))"
    echo
    echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
      "$(java -version 2>&1 | head -1). berth: \`${BERTH_CMD[*]}\`, inventory parallelism: $BERTH_PARALLELISM." \
      "Setup: \`berth apply\` of $CONTAINERS Deployments x $NODES replicas ($replicas containers) took" \
      "${setup_seconds} s and $setup_mutations mutations. Load average before: $LOAD_BEFORE, after: $LOAD_AFTER."
    echo
    awk -v delay="$DELAY_MS" -v nodes="$NODES" -v containers="$CONTAINERS" '
      { key = $1; if (!(key in runs)) order[++keys] = key; runs[key]++
        if ($4 == 0) { n[key]++; t[key, n[key]] = $3 } else failed[key]++
        m[key, runs[key]] = $5; cpu[key] += $6
        if ($7 != "-" && $7 > thr[key]) thr[key] = $7; if ($8 != "-" && $8 > rss[key]) rss[key] = $8 }
      function sorted_mid(arr, key, c,   i, j, v, x) {
        for (i = 1; i <= c; i++) v[i] = arr[key, i]
        for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] + 0 < v[i] + 0) { x = v[i]; v[i] = v[j]; v[j] = x }
        lo = v[1]; hi = v[c]
        return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
      END {
        print "| tool | nodes | containers | delay | median s | min s | max s | failed runs | mutations | max mutations | simulator cpu s/run | peak threads | max RSS MB |"
        print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        for (k = 1; k <= keys; k++) {
          key = order[k]
          mm = sorted_mid(m, key, runs[key]); mmax = hi
          if (key in n) { med = sprintf("%.2f", sorted_mid(t, key, n[key])); lows = sprintf("%.2f", lo); highs = sprintf("%.2f", hi) }
          else { med = "every run failed"; lows = ""; highs = "" }
          printf "| %s | %d | %d | %s ms | %s | %s | %s | %d | %d | %d | %.1f | %s | %s |\n", key, nodes, nodes * containers,
            delay, med, lows, highs, failed[key], mm, mmax, cpu[key] / runs[key],
            (key in thr) ? thr[key] : "-", (key in rss) ? rss[key] : "-"
        }
      }' "$OUT/runs.txt"
  } | { [ -s "$RESULTS" ] && echo; cat; } | tee -a "$RESULTS"
  say "results in $RESULTS, logs in $OUT"
}
