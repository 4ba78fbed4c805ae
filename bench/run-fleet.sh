#!/usr/bin/env bash
# Fleet benchmark: how long it takes to collect `docker ps` from every node of a simulated fleet,
# with berth (`get pods -A`), parallel-ssh and ansible, in the same run and on the same endpoints.
#
#   bench/run-fleet.sh [--nodes N] [--delay-ms D] [--runs R] [--tools LIST] [--timeout S] [--kex NAMES]
#                      [--berth-parallelism P] [--scenario get-pods|reconcile] [--containers K]
#
# LIST is comma-separated, from: berth, pssh, ansible, ssh-par, ssh-seq (default berth,pssh,ansible), and
#   berth-before: the same as berth with another build, $BERTH_BEFORE (before/after in one session).
#   ssh-par  `ssh NODE true` for every node, 64 at a time (OpenSSH alone, no orchestration tool)
#   ssh-seq  `ssh NODE true` one node after the other, for the first 50 nodes (the per-node floor)
# --kex: key exchanges the fleet offers (default curve25519-sha256; `all` for MINA's full list, where
#   OpenSSH 9 picks sntrup761x25519, which costs both ends several times more CPU per connection).
# --berth-parallelism: the `parallelism` of berth's inventory, the nodes it keeps in flight (default: not
#   written, so berth uses its own default; pssh's -p 64 and ansible's -f 50 stay as they are).
# --scenario reconcile: no other tool; the fleet starts empty, `berth apply` (setup, timed once) starts K
#   Deployments of N replicas (--containers K per node, default 10), then each run times a no-op
#   `berth reconcile` (row berth-noop) and, after the simulator lost every 100th container, one that
#   replaces them (row berth-replace-1%); `mutations` counts the docker commands that changed an engine.
# berth is taken from $BERTH (the installed launcher, another command, or a path to berth.jar, which
# runs as `java -jar` without the launcher's JVM flags), else `berth` on PATH. A build without the
# `get` verb is reported as skipped, never timed.
# Results: a markdown table on stdout, appended to bench/results/<date>-fleet-<N>n-<D>ms.md.
set -euo pipefail

NODES=1000
DELAY_MS=50
RUNS=3
TOOLS=berth,pssh,ansible
TIMEOUT=600
BASE_PORT=22000
KEX=curve25519-sha256
BERTH_PARALLELISM=default
SCENARIO=get-pods
CONTAINERS=10
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES=$2; shift 2 ;;
    --delay-ms) DELAY_MS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --base-port) BASE_PORT=$2; shift 2 ;;
    --kex) KEX=$2; shift 2 ;;
    --berth-parallelism) BERTH_PARALLELISM=$2; shift 2 ;;
    --scenario) SCENARIO=$2; shift 2 ;;
    --containers) CONTAINERS=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "run-fleet: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
SIM_DIR=$HERE/fleet-simulator
SIM_JAR=$SIM_DIR/target/fleet-simulator.jar
case "$SCENARIO" in
  get-pods) NAME=fleet-${NODES}n-${DELAY_MS}ms; NODE_CONTAINERS=3 ;;
  reconcile) NAME=reconcile-${NODES}n-${CONTAINERS}c-${DELAY_MS}ms; NODE_CONTAINERS=0 ;;
  *) echo "run-fleet: unknown scenario $SCENARIO (get-pods or reconcile)" >&2; exit 2 ;;
esac
WORK=$HERE/work/$NAME
FLEET=$WORK/fleet
OUT=$WORK/out
RESULTS=$HERE/results/$(date +%F)-$NAME.md
mkdir -p "$OUT" "$HERE/results"

say() { echo "run-fleet: $*" >&2; }

install_tools() {
  local missing=()
  command -v parallel-ssh >/dev/null || missing+=(pssh)
  command -v ansible >/dev/null || missing+=(ansible)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then say "need root to install ${missing[*]}"; exit 2; fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_simulator() {
  if [ ! -f "$SIM_JAR" ] || [ -n "$(find "$SIM_DIR/src" "$SIM_DIR/pom.xml" -newer "$SIM_JAR" -print -quit)" ]; then
    say "building the fleet simulator"
    (cd "$SIM_DIR" && mvn -q -B package)
  fi
}

SIM_PID=
TOOL_PID=
stop_simulator() {
  if [ -n "$TOOL_PID" ] && kill -0 "$TOOL_PID" 2>/dev/null; then
    kill "$TOOL_PID" 2>/dev/null || true
    wait "$TOOL_PID" 2>/dev/null || true
  fi
  if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then
    kill "$SIM_PID"
    wait "$SIM_PID" 2>/dev/null || true
  fi
}
trap stop_simulator EXIT
trap 'exit 130' INT TERM

# Runs a command in the background under `timeout`, so an interrupted benchmark stops it too.
bounded() {
  timeout "$TIMEOUT" "$@" &
  TOOL_PID=$!
  local status=0
  wait "$TOOL_PID" || status=$?
  TOOL_PID=
  return "$status"
}

start_simulator() {
  local kex=()
  [ "$KEX" = all ] || kex=(--kex "$KEX")
  rm -rf "$FLEET"
  local parallelism=()
  [ "$BERTH_PARALLELISM" = default ] || parallelism=(--berth-parallelism "$BERTH_PARALLELISM")
  java -Xmx512m -jar "$SIM_JAR" --nodes "$NODES" --base-port "$BASE_PORT" --delay-ms "$DELAY_MS" \
    --out "$FLEET" --containers-per-node "$NODE_CONTAINERS" "${parallelism[@]}" "${kex[@]}" \
    > "$WORK/simulator.log" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 600); do
    [ -f "$FLEET/ready" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/simulator.log" >&2; say "the simulator died"; exit 4; }
    sleep 0.1
  done
  [ -f "$FLEET/ready" ] || { say "the simulator did not get ready in 60 s"; exit 4; }
  say "$(head -1 "$WORK/simulator.log")"
}

SSH_OPTS=()
ssh_options() {
  SSH_OPTS=(-i "$FLEET/id_ed25519" -o "UserKnownHostsFile=$FLEET/known_hosts" -o StrictHostKeyChecking=yes
    -o BatchMode=yes -o ConnectTimeout=30)
}

# The simulator's CPU time so far, in clock ticks (user + system).
simulator_ticks() {
  awk '{print $14 + $15}' "/proc/$SIM_PID/stat"
}

BERTH_CMD=()
BEFORE_CMD=()
# find_berth [before]: sets BERTH_CMD from $BERTH (or BEFORE_CMD from $BERTH_BEFORE)
find_berth() {
  local berth=${BERTH:-berth} row=berth words=()
  if [ "${1:-}" = before ]; then
    berth=${BERTH_BEFORE:-}
    row=berth-before
    [ -n "$berth" ] || { say "berth-before row skipped: BERTH_BEFORE is not set"; return 1; }
  fi
  if [[ "$berth" == *.jar ]]; then
    words=(java -jar "$berth")
  elif command -v "${berth%% *}" >/dev/null; then
    read -r -a words <<< "$berth"
  else
    say "$row row skipped: no berth on PATH and BERTH is not set"
    return 1
  fi
  if ! "${words[@]}" get pods --help 2>&1 | grep -q 'Usage: berth get'; then
    say "$row row skipped: this berth (${words[*]}) has no 'get pods' verb"
    return 1
  fi
  if [ "$row" = berth ]; then BERTH_CMD=("${words[@]}"); else BEFORE_CMD=("${words[@]}"); fi
}

# Largest thread count of any java process under $1, sampled until it exits, written to $2.
sample_threads() {
  local root=$1 file=$2 max=0 pid threads
  while kill -0 "$root" 2>/dev/null; do
    for pid in $(descendants "$root"); do
      [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = java ] || continue
      threads=$(awk '/^Threads:/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
      [ "${threads:-0}" -gt "$max" ] && max=$threads
    done
    echo "$max" > "$file"
    sleep 0.05
  done
}

descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# `ssh NODE true` on every node, 64 at a time, printing ok for each success.
ssh_all() {
  seq "$BASE_PORT" $((BASE_PORT + NODES - 1)) > "$WORK/ports.txt"
  bounded xargs -P 64 -I{} -a "$WORK/ports.txt" \
    sh -c 'ssh "$@" -p {} bench@127.0.0.1 true && echo ok' sh "${SSH_OPTS[@]}"
}

count() { grep -c -- "$1" "$2" || true; }
smaller() { echo $(( $1 < $2 ? $1 : $2 )); }

# A node counts as ok when the tool reported success for it and its `docker ps` table came back.
# run_tool TOOL RUN: runs one tool once; appends "tool run seconds ok sim_cpu_s threads rss_mb" to $OUT/runs.txt
run_tool() {
  local tool=$1 run=$2 log=$OUT/$1-$2.txt nodes=$NODES status=0 ok threads=- rss=- start end ticks_before
  ticks_before=$(simulator_ticks)
  start=$(date +%s%N)
  case "$tool" in
    berth|berth-before)
      local command=("${BERTH_CMD[@]}")
      [ "$tool" = berth ] || command=("${BEFORE_CMD[@]}")
      JAVA_TOOL_OPTIONS="-Xmx512m" timeout "$TIMEOUT" /usr/bin/time -v -o "$OUT/$tool-$run.time" \
        "${command[@]}" get pods -A --cluster "$FLEET/cluster.yaml" -o json \
        > "$log" 2> "$OUT/$tool-$run.err" &
      TOOL_PID=$!
      sample_threads "$TOOL_PID" "$OUT/$tool-$run.threads" &
      local sampler=$!
      wait "$TOOL_PID" || status=$?
      TOOL_PID=
      wait "$sampler" || true
      ok=$({ grep -o 'node-[0-9]\{4,\}' "$log" || true; } | sort -u | wc -l)
      threads=$(cat "$OUT/$tool-$run.threads" 2>/dev/null || echo -)
      rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$OUT/$tool-$run.time")
      ;;
    pssh)
      bounded parallel-ssh -h "$FLEET/hosts.txt" -p 64 -t "$TIMEOUT" \
        -x "${SSH_OPTS[*]}" -i 'docker ps' > "$log" 2>&1 || status=$?
      ok=$(smaller "$(count '\[SUCCESS\]' "$log")" "$(count '^CONTAINER ID' "$log")")
      ;;
    ansible)
      ANSIBLE_SSH_ARGS="-C -o ControlMaster=no ${SSH_OPTS[*]}" ANSIBLE_HOST_KEY_CHECKING=True \
        ANSIBLE_PRIVATE_KEY_FILE="$FLEET/id_ed25519" ANSIBLE_TIMEOUT=30 \
        bounded ansible all -i "$FLEET/inventory.ini" -m raw -a 'docker ps' -f 50 \
        > "$log" 2>&1 || status=$?
      ok=$(smaller "$(count '| CHANGED | rc=0' "$log")" "$(count '^CONTAINER ID' "$log")")
      ;;
    ssh-par)
      ssh_all > "$log" 2>&1 || status=$?
      ok=$(count '^ok$' "$log")
      ;;
    ssh-seq)
      nodes=$(( NODES < 50 ? NODES : 50 ))
      for port in $(seq "$BASE_PORT" $((BASE_PORT + nodes - 1))); do
        bounded ssh "${SSH_OPTS[@]}" -p "$port" bench@127.0.0.1 true && echo ok
      done > "$log" 2>&1 || status=$?
      ok=$(count '^ok$' "$log")
      ;;
    *) say "unknown tool $tool"; exit 2 ;;
  esac
  end=$(date +%s%N)
  # a run that exits non-zero failed, whatever it printed: none of its nodes count, its time is not a result
  if [ "$status" -ne 0 ]; then
    ok=0
    local reason
    reason=$(grep -v '^\s*$' "$OUT/$tool-$run.err" 2>/dev/null | head -1 | cut -c1-200 || true)
    [ -z "$reason" ] && reason=$(tail -1 "$log" 2>/dev/null | cut -c1-200 || true)
    say "$tool run $run FAILED (exit $status): $reason"
  fi
  local seconds sim_cpu
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e - s) / 1e9}')
  sim_cpu=$(awk -v b="$ticks_before" -v a="$(simulator_ticks)" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.1f", (a - b) / hz}')
  say "$tool run $run: ${seconds}s, $ok/$nodes ok, exit $status, simulator cpu ${sim_cpu}s," \
    "load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "$tool $run $seconds $ok $nodes $status $sim_cpu $threads $rss" >> "$OUT/runs.txt"
}

install_tools
build_simulator
start_simulator
ssh_options
ssh "${SSH_OPTS[@]}" -p "$BASE_PORT" bench@127.0.0.1 true || { say "the first node does not answer ssh"; exit 4; }
# warm-up, not recorded: the simulator's JIT compiles its handshake path before anything is timed
say "warm-up: ssh true on every node"
warm=$(ssh_all 2>&1 | grep -c '^ok$' || true)
say "warm-up: $warm/$NODES nodes answered"

if [ "$SCENARIO" = reconcile ]; then
  # shellcheck source=bench/reconcile-scenario.sh
  . "$HERE/reconcile-scenario.sh"
  reconcile_scenario
  exit 0
fi

IFS=, read -r -a SELECTED <<< "$TOOLS"
ACTIVE=()
for tool in "${SELECTED[@]}"; do
  if [ "$tool" = berth ] && ! find_berth; then continue; fi
  if [ "$tool" = berth-before ] && ! find_berth before; then continue; fi
  ACTIVE+=("$tool")
done

: > "$OUT/runs.txt"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# rounds, not blocks: every tool sees the same machine state across the run
for run in $(seq "$RUNS"); do
  for tool in "${ACTIVE[@]}"; do
    run_tool "$tool" "$run"
  done
done
stop_simulator
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# median/min/max per tool, ratio of each median to berth's
{
  echo "## Fleet benchmark: $NODES nodes, $DELAY_MS ms round trip, $RUNS runs ($(date -u '+%F %H:%M UTC'))"
  echo
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), kernel $(uname -r)," \
    "$(java -version 2>&1 | head -1), OpenSSH $(ssh -V 2>&1 | cut -d, -f1 | sed 's/OpenSSH_//')," \
    "parallel-ssh $(parallel-ssh --version 2>&1), $(ansible --version 2>&1 | sed -n 1p)." \
    "Key exchange offered by the fleet: $KEX. berth: \`${BERTH_CMD[*]:-not run}\`," \
    "berth-before: \`${BEFORE_CMD[*]:-not run}\`, inventory parallelism:" \
    "$BERTH_PARALLELISM. Load average before: $LOAD_BEFORE, after: $LOAD_AFTER" \
    "(the machine may be shared: compare runs of the same session only)."
  echo
  awk -v delay="$DELAY_MS" -v tools="${SELECTED[*]}" '
    { key = $1; runs[key]++; if ($6 == 0) { n[key]++; t[key, n[key]] = $3 } else failed[key]++
      if (!(key in ok) || $4 < ok[key]) ok[key] = $4
      nodes[key] = $5; cpu[key] += $7
      if ($8 != "-" && $8 > thr[key]) thr[key] = $8; if ($9 != "-" && $9 > rss[key]) rss[key] = $9 }
    function median(key,   i, j, v, m, c) {
      c = n[key]; for (i = 1; i <= c; i++) v[i] = t[key, i]
      for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { m = v[i]; v[i] = v[j]; v[j] = m }
      lo[key] = v[1]; hi[key] = v[c]
      return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
    END {
      print "| tool | nodes | delay | median s | min s | max s | ok nodes (worst run) | failed runs | simulator cpu s/run | peak threads | max RSS MB | ratio vs berth |"
      print "|---|---|---|---|---|---|---|---|---|---|---|---|"
      for (key in n) med[key] = median(key)
      split(tools, order, " ")
      for (i = 1; i in order; i++) {
        key = order[i]
        if (!(key in runs)) { if (key == "berth") print "| berth | " "'"$NODES"'" " | " delay " ms | skipped: no `get pods` in this build | | | | | | | | |"; continue }
        if (!(key in n)) {
          printf "| %s | %d | %s ms | every run failed | | | 0/%d | %d | %.1f | %s | %s | n/a |\n", key, nodes[key], delay,
            nodes[key], failed[key], cpu[key] / runs[key], (key in thr) ? thr[key] : "-", (key in rss) ? rss[key] : "-"
          continue
        }
        ratio = ("berth" in med && med["berth"] > 0) ? sprintf("%.1fx", med[key] / med["berth"]) : "n/a"
        printf "| %s | %d | %s ms | %.2f | %.2f | %.2f | %d/%d | %d | %.1f | %s | %s | %s |\n", key, nodes[key], delay,
          med[key], lo[key], hi[key], ok[key], nodes[key], failed[key], cpu[key] / runs[key],
          (key in thr) ? thr[key] : "-", (key in rss) ? rss[key] : "-", ratio
      }
    }' "$OUT/runs.txt"
} | { [ -s "$RESULTS" ] && echo; cat; } | tee -a "$RESULTS"
say "results in $RESULTS, logs in $OUT"
