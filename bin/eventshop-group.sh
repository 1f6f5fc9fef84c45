# shellcheck shell=bash
# Sourced by bin/eventshop: EventShop on several Payara instances (bin/eventshop start --instances N, N > 1).
#
# The domain's DAS only administers. The application runs on the instances of the deployment group
# "eventshop", on a CONFIG node of this profile (its instances live in runtime/<profile>/nodes), each on its
# own ports (instance_port_base). Their configuration "eventshop-config" is a copy of Payara's default-config
# (whose listeners take their ports from the instance's system properties) with every config-level command of
# server-config/ applied to it (group_config_commands), so that both modes read the same files. Every resource
# and the resource adapter are referenced by the group; the EAR is deployed to it. HAProxy, from Debian's
# packages, answers on the public HTTP port and balances over the instances that answer /health/ready.
#
# What is not shared by the instances: each keeps its own transaction log (runtime/<profile>/nodes/...). When
# one dies, the supervisor (below) has a survivor recover its transactions from that log.

GROUP=eventshop
GROUP_CONFIG=eventshop-config
GROUP_NODE=eventshop-node
NODES_DIR=$STATE/nodes
LB_DIR=$STATE/lb
LB_PID_FILE=$STATE/lb.pid

group_mode() { [ "$EVENTSHOP_INSTANCES" -gt 1 ]; }
instance_name() { echo "instance-$1"; }
# Instance i's ports: its port base + Payara's offsets (HTTP +80, HTTPS +81, admin +48, ...).
instance_port_base() { echo $(( ${EVENTSHOP_INSTANCE_PORT_BASE:-$(( ${EVENTSHOP_PORT_BASE:-4800} + 200 ))} + 100 * ($1 - 1) )); }
instance_http_port() { echo $(( $(instance_port_base "$1") + 80 )); }
instance_dir() { echo "$NODES_DIR/$GROUP_NODE/$(instance_name "$1")"; }
# The instances that exist on disk (whatever EVENTSHOP_INSTANCES says now): status, stop and logs cover them all.
existing_instances() {
  local dir
  for dir in "$NODES_DIR/$GROUP_NODE"/instance-*; do [ -d "$dir" ] && echo "${dir##*/instance-}"; done | sort -n
}
instance_pid() { pid_from "$(instance_dir "$1")/config/pid"; }
instance_running() { pid_alive "$(instance_pid "$1")"; }
# Where instance i's transaction service logs (Payara: <tx-log-dir>/<instance>/tx, tx-log-dir being the instance's
# logs/ by default-config): the folder a survivor reads to recover its transactions (recover-transactions).
instance_tx_log_dir() { echo "$(instance_dir "$1")/logs/$(instance_name "$1")/tx"; }
instance_admin_port() { echo $(( $(instance_port_base "$1") + 48 )); }
instance_healthy() { curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$(instance_http_port "$1")/health/ready"; }
all_instances_healthy() {
  local i
  for i in $(seq 1 "$EVENTSHOP_INSTANCES"); do instance_healthy "$i" || return 1; done
}

check_group_settings() {
  [[ "$EVENTSHOP_INSTANCES" =~ ^[1-9][0-9]?$ ]] || fail "--instances takes a number from 1 to 99, not '$EVENTSHOP_INSTANCES'"
  group_mode || return 0
  [ "$EVENTSHOP_DB" = postgres ] ||
    fail "--instances $EVENTSHOP_INSTANCES needs PostgreSQL: H2 is embedded in one server and cannot be shared by several (EVENTSHOP_DB=$EVENTSHOP_DB; leave it unset or set it to postgres)"
}

# The commands of server-config/ for the group: config-level ones on eventshop-config, a reference from the
# group to every resource and to the resource adapter. Domain-level ones (pools, the adapter's config, secure
# admin) were applied once for the whole domain. A command without a rule here stops the start: a new kind
# of command in server-config/ must be given one.
group_config_commands() {
  rendered_config | GROUP=$GROUP GROUP_CONFIG=$GROUP_CONFIG perl -ne '
    my ($g, $c) = ($ENV{GROUP}, $ENV{GROUP_CONFIG});
    next if /http-listener-1\.enabled=false/;   # the DAS gives its HTTP port to the load balancer, not the instances
    if (s/^set configs\.config\.server-config\./set configs.config.$c./) { print; next }
    if (s/^(create-jvm-options|delete-jvm-options|create-system-properties|set-metrics-configuration|create-auth-realm) /$1 --target $c /) { print; next }
    if (/^(?:create-connector-resource|create-admin-object|create-jdbc-resource|create-javamail-resource) .* (\S+)\s*$/) { print "create-resource-ref --target $g $1\n"; next }
    if (/^deploy --type rar --name (\S+)/) { print "create-application-ref --target $g $1\n"; next }
    next if /^(?:create-connector-connection-pool|create-jdbc-connection-pool|create-resource-adapter-config|enable-secure-admin|set resources\.)/;
    die "bin/eventshop-group.sh has no rule for this server-config/ command: $_";
  '
}

# The group, its config and its instances, made once per domain (the domain is rebuilt when server-config/
# changes, and with it the group); instances are added or removed to match EVENTSHOP_INSTANCES.
ensure_group() {
  local commands=$STATE/group-config.asadmin i
  if [ ! -f "$DOMAIN_DIR/eventshop-group.done" ]; then
    say "Creating the deployment group '$GROUP' (config $GROUP_CONFIG, node $GROUP_NODE in $NODES_DIR)"
    rm -rf "$NODES_DIR"
    { echo "copy-config default-config $GROUP_CONFIG"
      echo "create-node-config --nodedir $NODES_DIR --nodehost localhost $GROUP_NODE"
      echo "create-deployment-group $GROUP"
      group_config_commands
    } > "$commands" || fail "could not make the group's commands"
    : > "$STATE/group.log"
    if ! asadmin multimode --file "$commands" >> "$STATE/group.log" 2>&1 || grep -q '^Command .* failed' "$STATE/group.log"; then
      grep -B3 '^Command .* failed' "$STATE/group.log" || cat "$STATE/group.log"
      fail "configuring the deployment group failed (commands: $commands, output: $STATE/group.log)"
    fi
    touch "$DOMAIN_DIR/eventshop-group.done"
  fi
  for i in $(seq 1 "$EVENTSHOP_INSTANCES"); do
    [ -d "$(instance_dir "$i")" ] && continue
    say "Creating $(instance_name "$i") (ports from $(instance_port_base "$i"): HTTP $(instance_http_port "$i"))"
    asadmin create-instance --node "$GROUP_NODE" --config "$GROUP_CONFIG" --deploymentgroup "$GROUP" \
        --portbase "$(instance_port_base "$i")" --checkports=true "$(instance_name "$i")" >> "$STATE/group.log" 2>&1 ||
      { tail -20 "$STATE/group.log"; fail "could not create $(instance_name "$i") (see $STATE/group.log)"; }
    # The transaction service names its log folder ("recoveryfile": the name its XIDs carry) when it starts, but
    # only into a folder that exists, and it makes the folder later, at its first logged transaction: made here, so
    # that a survivor can recover an instance that dies before its second start.
    mkdir -p "$(instance_tx_log_dir "$i")"
  done
  for i in $(existing_instances); do
    [ "$i" -le "$EVENTSHOP_INSTANCES" ] && continue
    say "Removing $(instance_name "$i") (--instances $EVENTSHOP_INSTANCES)"
    stop_instance "$i"
    asadmin delete-instance "$(instance_name "$i")" >> "$STATE/group.log" 2>&1 || rm -rf "$(instance_dir "$i")"
  done
}

start_instances() {
  local i
  for i in $(seq 1 "$EVENTSHOP_INSTANCES"); do
    if instance_running "$i"; then echo "    $(instance_name "$i") already running (pid $(instance_pid "$i"))"; continue; fi
    port_open "$(instance_http_port "$i")" && fail "port $(instance_http_port "$i") is taken by another process: set EVENTSHOP_INSTANCE_PORT_BASE"
    say "Starting $(instance_name "$i") (HTTP $(instance_http_port "$i"))"
    # Once more after a failure: under heavy load (load average 48 here) instance-2's first start failed in its
    # config synchronisation with the DAS ("CLI802 Synchronization failed for directory config ... Authentication
    # failed for user: null") and the second start worked.
    # Its transaction log is its own again once it starts: never while a survivor recovers from it (the supervisor).
    with_recovery_lock "$i" asadmin start-instance --timeout 600 "$(instance_name "$i")" >> "$STATE/group.log" 2>&1 ||
      { echo "    $(instance_name "$i") did not start (see $STATE/group.log): once more"
        with_recovery_lock "$i" asadmin start-instance --timeout 600 "$(instance_name "$i")" >> "$STATE/group.log" 2>&1; } ||
      { tail -20 "$STATE/group.log"; fail "$(instance_name "$i") did not start; see $(instance_dir "$i")/logs/server.log"; }
  done
  # The operators' realm file of each instance: create-file-user reaches running instances only, so a new
  # instance gets them here. The DAS answers "already exists" for its own copy of the realm: ignored, each
  # instance's file is what counts.
  if ! instances_have_realm_users; then
    ( add_realm_users --target "$GROUP_CONFIG" ) > /dev/null 2>&1 || true
    instances_have_realm_users || fail "an instance's operators' realm has no users (see $STATE/configure.log)"
  fi
}

instances_have_realm_users() {
  local i
  for i in $(seq 1 "$EVENTSHOP_INSTANCES"); do
    grep -q "^$EVENTSHOP_OPERATOR_USER;" "$(instance_dir "$i")/config/eventshop-operators-keyfile" 2>/dev/null || return 1
  done
}

stop_instance() {
  local pid; pid=$(instance_pid "$1")
  pid_alive "$pid" || return 0
  say "Stopping $(instance_name "$1") (pid $pid)"
  asadmin stop-instance "$(instance_name "$1")" > /dev/null 2>&1 || true
  for _ in $(seq 1 30); do pid_alive "$pid" || break; sleep 1; done
  pid_alive "$pid" && kill -9 "$pid"
  return 0
}

stop_instances() {
  local i
  for i in $(existing_instances); do stop_instance "$i"; done
}

group_app_deployed() { asadmin list-applications "$GROUP" 2>/dev/null | grep -q '^eventshop '; }

deploy_ear_to_group() {
  say "Deploying the EAR to the deployment group $GROUP ($EAR)"
  asadmin deploy --force=true --target "$GROUP" --name eventshop "$EAR" > "$STATE/deploy.log" 2>&1 ||
    { cat "$STATE/deploy.log"; fail "deployment failed; see the instances' logs ($NODES_DIR/$GROUP_NODE/*/logs/server.log)"; }
  wait_for "every instance to report healthy (/health/ready)" 600 all_instances_healthy ||
    fail "EventShop is deployed but not healthy on every instance"
}

# ---------------------------------------------------------------- the load balancer (HAProxy)
# Debian's haproxy when installed; otherwise its package and the libraries it lacks, fetched with apt-get
# download (no root needed) and unpacked into runtime/dist/haproxy.
LB_HOME=$DIST/haproxy
lb_binary() {
  if command -v haproxy > /dev/null; then command -v haproxy; else echo "$LB_HOME/usr/sbin/haproxy"; fi
}
lb_run() { LD_LIBRARY_PATH="$LB_HOME/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$(lb_binary)" "$@"; }

ensure_lb() {
  command -v haproxy > /dev/null && return
  [ -x "$LB_HOME/usr/sbin/haproxy" ] && lb_run -v > /dev/null 2>&1 && return
  say "Fetching HAProxy from Debian's packages (apt-get download, unpacked into $LB_HOME; no root needed)"
  command -v apt-get > /dev/null || fail "HAProxy is not installed and apt-get is missing: install haproxy"
  local work pkg missing fetched; work=$(mktemp -d)
  rm -rf "$LB_HOME"; mkdir -p "$LB_HOME"
  ( cd "$work" && apt-get download haproxy > /dev/null 2>&1 ) || fail "apt-get download haproxy failed (run apt-get update?)"
  dpkg-deb -x "$work"/haproxy_*.deb "$LB_HOME"
  # The libraries the machine lacks, by their packages (a dependency of a dependency too): a few rounds.
  for _ in 1 2 3; do
    missing=$(LD_LIBRARY_PATH="$LB_HOME/usr/lib/x86_64-linux-gnu" ldd "$LB_HOME/usr/sbin/haproxy" "$LB_HOME"/usr/lib/x86_64-linux-gnu/*.so* 2>/dev/null |
              sed -n 's/^\s*\(\S*\) => not found/\1/p' | sort -u || true)
    [ -z "$missing" ] && break
    mapfile -t fetched < <(cd "$work" && ls -- *.deb | sed 's/_.*//')
    for pkg in $(apt-cache depends haproxy "${fetched[@]}" 2>/dev/null |
                 sed -n 's/^\s*Depends: \([a-z0-9.+-]*\)$/\1/p' | sort -u || true); do
      dpkg -s "$pkg" > /dev/null 2>&1 && continue
      ls "$work/${pkg}"_*.deb > /dev/null 2>&1 && continue
      ( cd "$work" && apt-get download "$pkg" > /dev/null 2>&1 ) && dpkg-deb -x "$work/${pkg}"_*.deb "$LB_HOME"
    done
  done
  rm -rf "$work"
  lb_run -v > /dev/null 2>&1 || fail "the unpacked HAProxy does not run ($(lb_run -v 2>&1 | head -1))"
}

write_lb_config() {
  local i
  mkdir -p "$LB_DIR"
  {
    cat <<EOF
# Written by bin/eventshop (eventshop-group.sh) at each start: do not edit.
global
    maxconn 4096
defaults
    mode http
    log stdout format raw local0
    option httplog
    option dontlog-normal
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch
frontend eventshop
    bind 127.0.0.1:$HTTP_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
EOF
    for i in $(seq 1 "$EVENTSHOP_INSTANCES"); do
      echo "    server $(instance_name "$i") 127.0.0.1:$(instance_http_port "$i") check"
    done
  } > "$LB_DIR/haproxy.cfg"
}

lb_pid() { pid_from "$LB_PID_FILE"; }
lb_running() { pid_alive "$(lb_pid)"; }

start_lb() {
  ensure_lb
  local old; old=$(cat "$LB_DIR/haproxy.cfg" 2>/dev/null || true)
  write_lb_config
  lb_run -c -q -f "$LB_DIR/haproxy.cfg" || fail "HAProxy refuses $LB_DIR/haproxy.cfg"
  if lb_running; then
    [ "$old" = "$(cat "$LB_DIR/haproxy.cfg")" ] && { echo "    load balancer already running (pid $(lb_pid))"; return; }
    stop_lb   # its servers changed (another --instances): a new process over the new list
  fi
  port_open "$HTTP_PORT" && fail "port $HTTP_PORT is taken by another process (the load balancer's): set EVENTSHOP_PORT_BASE"
  say "Starting the load balancer (HAProxy on 127.0.0.1:$HTTP_PORT, over $EVENTSHOP_INSTANCES instances)"
  LD_LIBRARY_PATH="$LB_HOME/usr/lib/x86_64-linux-gnu" nohup "$(lb_binary)" -f "$LB_DIR/haproxy.cfg" -db >> "$STATE/lb.log" 2>&1 &
  echo $! > "$LB_PID_FILE"
  wait_for "the load balancer" 30 port_open "$HTTP_PORT" || fail "HAProxy did not start; see $STATE/lb.log"
}

stop_lb() {
  local pid; pid=$(lb_pid)
  if pid_alive "$pid"; then
    say "Stopping the load balancer (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 10); do pid_alive "$pid" || break; sleep 1; done
    pid_alive "$pid" && kill -9 "$pid"
  fi
  rm -f "$LB_PID_FILE"
}

# ---------------------------------------------------------------- start, status and logs in group mode
start_group() {
  ensure_group
  start_instances
  if $1; then
    if ! group_app_deployed || ! wait_for "EventShop (deployed) to report healthy on every instance" 300 all_instances_healthy; then
      deploy_ear_to_group
    fi
  fi
  start_lb
  start_supervisor
}

group_status() {
  local i ok=0 port
  group_mode || lb_running || [ -n "$(existing_instances)" ] || return 0
  if lb_running; then echo "balancer    running (pid $(lb_pid)), HAProxy on 127.0.0.1:$HTTP_PORT"; else echo "balancer    stopped"; ok=1; fi
  supervisor_status || ok=1
  for i in $(existing_instances); do
    port=$(instance_http_port "$i")
    if instance_running "$i"; then
      if instance_healthy "$i"; then echo "$(instance_name "$i")  running (pid $(instance_pid "$i")), UP  http://127.0.0.1:$port/health/ready"
      else echo "$(instance_name "$i")  running (pid $(instance_pid "$i")), not ready (HTTP $port)"; ok=1; fi
    else echo "$(instance_name "$i")  stopped (HTTP $port)"; ok=1; fi
  done
  return $ok
}

group_log_files() {
  local i
  for i in $(existing_instances); do echo "$(instance_dir "$i")/logs/server.log"; done
}

# ---------------------------------------------------------------- a dead instance's transactions (issue 18)
# Payara 6.2025.9 has no peer recovery: a dead instance's prepared XA branches (rows locked in PostgreSQL, messages
# held by the broker) wait for its restart, whose automatic recovery reads its transaction log. Payara's own
# recover-transactions does the same from another instance (delegated recovery: the survivor reads the dead one's log,
# commits what it had decided to commit and rolls back the rest, touching only XIDs of the dead instance's name), but
# only when asked, and only for an instance that is down. The supervisor asks: a background process of
# bin/eventshop start in group mode that checks every EVENTSHOP_SUPERVISOR_INTERVAL seconds whether each instance's
# process lives and, for one that died, runs recover-transactions on a running instance. It never restarts an
# instance (bin/eventshop start does); an instance's start and a recovery from its log never overlap (a lock per
# instance). Stopped by bin/eventshop stop (its process group), shown by status, logs to supervisor.log.
SUPERVISOR_PID_FILE=$STATE/supervisor.pid
SUPERVISOR_LOG=$STATE/supervisor.log
supervisor_pid() { pid_from "$SUPERVISOR_PID_FILE"; }
supervisor_running() { pid_alive "$(supervisor_pid)"; }
supervised() { group_mode && [ "$EVENTSHOP_SUPERVISOR" = true ]; }

# Runs a command holding instance i's recovery lock (waits up to 15 min for a recovery in progress).
with_recovery_lock() { # instance number, command...
  local i=$1; shift
  ( flock -w 900 9 || exit 1; "$@" ) 9> "$STATE/recovery-$(instance_name "$i").lock"
}

start_supervisor() {
  supervised || return 0
  if supervisor_running; then echo "    supervisor already running (pid $(supervisor_pid))"; return; fi
  say "Starting the supervisor (a dead instance's transactions recovered by a survivor; log $SUPERVISOR_LOG)"
  # Its own session, so that stop ends it with whatever it runs; no terminal or pipe of the caller's kept open.
  setsid "$EVENTSHOP_ROOT/bin/eventshop" supervise >> "$SUPERVISOR_LOG" 2>&1 < /dev/null &
  echo $! > "$SUPERVISOR_PID_FILE"
}

stop_supervisor() {
  local pid; pid=$(supervisor_pid)
  if pid_alive "$pid"; then
    say "Stopping the supervisor (pid $pid)"
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    for _ in $(seq 1 10); do pid_alive "$pid" || break; sleep 1; done
    pid_alive "$pid" && kill -9 -- "-$pid"
  fi
  rm -f "$SUPERVISOR_PID_FILE"
}

supervisor_status() {
  supervised || supervisor_running || return 0
  if supervisor_running; then
    echo "supervisor  running (pid $(supervisor_pid)), recovers a dead instance's transactions on a survivor; last: $(tail -1 "$SUPERVISOR_LOG" 2>/dev/null)"
  else
    echo "supervisor  stopped (a dead instance's transactions wait for its restart)"; return 1
  fi
}

# The supervisor's loop (bin/eventshop supervise, started by start_supervisor). An instance is recovered once per
# death: when its process is gone (its pid file names a dead process, or none), and not again until it has run again.
cmd_supervise() {
  local i pid
  declare -A handled=() attempted=()
  # stop's TERM reaches the whole session: the loop ends after reaping what it started (no child left defunct)
  trap 'kill $(jobs -p) 2>/dev/null; wait; exit 0' TERM
  echo "$(date -u +%FT%TZ) supervising the instances of $GROUP (every ${EVENTSHOP_SUPERVISOR_INTERVAL}s)"
  while true; do
    for i in $(existing_instances); do
      pid=$(instance_pid "$i")
      if pid_alive "$pid"; then handled[$i]=""; continue; fi
      # once per death: a start in progress (bin/eventshop start or asadmin's) removes the dead pid's file meanwhile
      [ -n "${handled[$i]:-}" ] && continue
      # its start holds the lock (bin/eventshop start): it recovers by itself, nothing to say
      flock -n "$STATE/recovery-$(instance_name "$i").lock" true || continue
      # a failed attempt (no survivor yet, the DAS busy) is tried again every 10 s
      [ $(( $(date +%s) - ${attempted[$i]:-0} )) -ge 10 ] || continue
      attempted[$i]=$(date +%s)
      if recover_dead_instance "$i" "$pid"; then handled[$i]="dead:${pid:-none}"; fi
    done
    sleep "$EVENTSHOP_SUPERVISOR_INTERVAL" & wait $!
  done
}

# Has a running instance recover instance i's transactions from its log. 0: done, or nothing to do.
recover_dead_instance() { # instance number, its last pid
  local i=$1 name dir survivor="" j began status
  name=$(instance_name "$i"); dir=$(instance_tx_log_dir "$i")
  if [ ! -f "$dir/recoveryfile" ]; then
    # The transaction service writes its log folder's "recoveryfile" (the name its XIDs carry) when it starts.
    echo "$(date -u +%FT%TZ) $name (pid ${2:-none}) is not running and has no transaction log ($dir): nothing to recover"
    return 0
  fi
  for j in $(existing_instances); do
    [ "$j" != "$i" ] && instance_running "$j" && port_open "$(instance_admin_port "$j")" && { survivor=$(instance_name "$j"); break; }
  done
  if [ -z "$survivor" ]; then
    echo "$(date -u +%FT%TZ) $name (pid ${2:-none}) is not running and no other instance is: its transactions wait for a survivor or its restart"
    return 1
  fi
  began=$(date +%s)
  echo "$(date -u +%FT%TZ) $name (pid ${2:-none}) is not running: recover-transactions --target $survivor --transactionlogdir $dir $name"
  status=0
  ( flock -n 9 || { echo "    $name is being started: tried again once that is over"; exit 75; }
    # The instance may have been started meanwhile (its start takes this lock): then it recovers by itself.
    instance_running "$i" && { echo "    $name runs again: its own recovery resolves its transactions"; exit 0; }
    asadmin recover-transactions --target "$survivor" --transactionlogdir "$dir" "$name" 2>&1 | sed 's/^/    /'
    exit "${PIPESTATUS[0]}"
  ) 9> "$STATE/recovery-$name.lock" || status=$?
  if [ "$status" -eq 0 ]; then
    echo "$(date -u +%FT%TZ) $name: its transactions recovered on $survivor ($(( $(date +%s) - began )) s)"
  else
    echo "$(date -u +%FT%TZ) $name: recover-transactions on $survivor failed ($status); tried again in 10 s"
  fi
  return "$status"
}

# ---------------------------------------------------------------- one service scaled alone
# bin/eventshop consumers [<listener> <n> [<instance>]]: a listener's number of consumers (its activation's
# maxSession) on one instance, or on every instance of the group config (one server: on the server). The setting is
# the system property eventshop.<listener>.consumers (<listener>: a service, for its subscription, or
# <service>.<queue>), whose default from topology.yaml is on the config (server-config/21-topology.asadmin); an
# instance's own value overrides it. A running activation keeps its maxSession, so the application is then disabled
# and enabled on that target (about 25 s here; the instance answers 503 meanwhile and HAProxy skips it). Without
# arguments: every value set, on the config and on each instance.
cmd_consumers() {
  # What can be refused without the server is refused first.
  if [ $# -gt 0 ]; then
    [ $# -ge 2 ] && [ $# -le 3 ] || fail "usage: bin/eventshop consumers [<service>[.<queue>] <n> [<instance>]]"
    [[ "$2" =~ ^[0-9]+$ ]] || fail "'$2' is not a number of consumers"
    [ "$2" -ge 1 ] ||
      fail "at least 1: the Artemis resource adapter makes a maxSession below 1 one consumer (AMQ153004), so 0 cannot stop a service on an instance"
  fi
  domain_running || fail "the domain is not running (bin/eventshop start first)"
  local config=server target
  if group_mode || [ -n "$(existing_instances)" ]; then config=$GROUP_CONFIG; fi
  if [ $# -eq 0 ]; then
    for target in "$config" $(for i in $(existing_instances); do instance_name "$i"; done); do
      asadmin list-system-properties "$target" 2>/dev/null | grep '^eventshop\..*\.consumers=' | sed "s/^/$target  /"
    done
    return
  fi
  local listener=$1 count=$2 property="eventshop.$1.consumers"
  target=${3:-$config}
  asadmin list-system-properties "$config" 2>/dev/null | grep -q "^$property=" ||
    fail "no listener '$listener': one of $(asadmin list-system-properties "$config" 2>/dev/null | sed -n 's/^eventshop\.\(.*\)\.consumers=.*/\1/p' | tr '\n' ' ')"
  asadmin create-system-properties --target "$target" "$property=$count" > /dev/null ||
    fail "could not set $property on $target"
  # the application's own target: the server, the group (every instance), or one instance
  local app_target=$target
  [ "$target" = "$GROUP_CONFIG" ] && app_target=$GROUP
  say "$property=$count on $target; restarting the application on $app_target so that its listeners take it"
  asadmin disable --target "$app_target" eventshop > /dev/null && asadmin enable --target "$app_target" eventshop > /dev/null ||
    fail "could not disable and enable the application on $app_target"
}
