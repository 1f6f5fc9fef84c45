#!/usr/bin/env bats
# The tests of bin/eventshop, run by `bin/eventshop test` before Maven (bats from npm: bin/test/package.json).
# Each test runs a copy of the launcher in a checkout of its own (bin/, pom.xml, jms-config/), so that no
# eventshop.env or runtime/ of the real checkout, and no EVENTSHOP_ setting of the caller, changes what it sees.
# Nothing here starts a server: the integration tests do that through the same launcher.

bats_require_minimum_version 1.5.0

setup() {
  load node_modules/bats-support/load
  load node_modules/bats-assert/load
  local real; real=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
  # shellcheck disable=SC2046
  unset $(compgen -v EVENTSHOP_) CALLER_SETTINGS
  ROOT=$BATS_TEST_TMPDIR/checkout
  mkdir -p "$ROOT/bin"
  cp "$real"/bin/eventshop "$real"/bin/eventshop-group.sh "$real"/bin/eventshop.defaults "$real"/bin/eventshop.topology "$ROOT/bin/"
  cp "$real/pom.xml" "$ROOT/"
  cp -r "$real/jms-config" "$ROOT/"
  LAUNCHER=$ROOT/bin/eventshop
}

# Sources the launcher (no command runs) to call its functions.
source_launcher() {
  EVENTSHOP_SOURCED_BY_TESTS=true
  # shellcheck disable=SC1090
  source "$LAUNCHER"
}

@test "without a command it prints the usage, which names every command, and exits 2" {
  run -2 "$LAUNCHER"
  for command in start stop status logs test bench chaos generate; do
    assert_output --partial "bin/eventshop $command"
  done
}

@test "the test profile's ports are the defaults' (what the integration tests are given)" {
  EVENTSHOP_PROFILE=test run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=24848 -Dit.http.port=24880"
  assert_output --partial "-Dit.broker.url=tcp://127.0.0.1:61626"
  assert_output --partial "-Dit.pg.url=jdbc:postgresql://127.0.0.1:55442/eventshop"
  assert_output --partial "-Dit.broker.console.port=8171"
  assert_output --partial "-Dit.state.dir=$ROOT/runtime/test"
}

@test "each profile has its own ports" {
  EVENTSHOP_PROFILE=bench run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=34848"
  EVENTSHOP_PROFILE=chaos run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=44848"
  EVENTSHOP_PROFILE=dev run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=4848 -Dit.http.port=8080"
}

@test "a setting from the environment moves the ports" {
  EVENTSHOP_PROFILE=test EVENTSHOP_PORT_BASE=21800 EVENTSHOP_BROKER_PORT=62010 run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=21848 -Dit.http.port=21880"
  assert_output --partial "-Dit.broker.url=tcp://127.0.0.1:62010"
}

@test "eventshop.env at the top of the checkout is read" {
  printf 'EVENTSHOP_PORT_BASE=29800\nEVENTSHOP_PG_PORT=56070\n' > "$ROOT/eventshop.env"
  EVENTSHOP_PROFILE=test run -0 "$LAUNCHER" test-properties
  assert_output --partial "-Dit.admin.port=29848"
  assert_output --partial "-Dit.pg.url=jdbc:postgresql://127.0.0.1:56070/eventshop"
}

@test "status of a profile never started: every part stopped, exit 1" {
  run -1 "$LAUNCHER" status
  assert_line "broker      stopped"
  assert_line "database    H2, embedded in the server"
  assert_line "payara      stopped"
  EVENTSHOP_DB=postgres run -1 "$LAUNCHER" status
  assert_line "postgresql  stopped"
  EVENTSHOP_DB=postgres EVENTSHOP_PG_EXTERNAL=true EVENTSHOP_PG_HOST=db.example EVENTSHOP_PG_PORT=5433 run -1 "$LAUNCHER" status
  assert_line "postgresql  external, db.example:5433 (EVENTSHOP_PG_EXTERNAL=true)"
}

@test "start refuses an unknown option before doing anything" {
  run -1 "$LAUNCHER" start --bogus
  assert_output --partial "unknown option --bogus"
  [ ! -e "$ROOT/runtime" ]
}

@test "render fills in the settings, drops comments and blank lines, and refuses an unset one" {
  source_launcher
  printf '# a comment\n\nset x=${EVENTSHOP_PG_PORT} y=${EVENTSHOP_PG_USER}\n' > "$BATS_TEST_TMPDIR/ok.asadmin"
  run -0 render "$BATS_TEST_TMPDIR/ok.asadmin"
  assert_output "set x=55432 y=eventshop"
  printf 'set x=${EVENTSHOP_NO_SUCH_SETTING}\n' > "$BATS_TEST_TMPDIR/bad.asadmin"
  run render "$BATS_TEST_TMPDIR/bad.asadmin"
  assert_failure
  assert_output --partial "unset variable EVENTSHOP_NO_SUCH_SETTING"
}

@test "the broker's users and roles come from jms-config/users.properties, passwords from the settings" {
  source_launcher
  BROKER_DIR=$BATS_TEST_TMPDIR/broker
  mkdir -p "$BROKER_DIR/etc"
  EVENTSHOP_BROKER_ORDERS_PASSWORD=s3cret-orders
  write_broker_users "$BROKER_DIR"
  run cat "$BROKER_DIR/etc/artemis-users.properties"
  assert_line "admin = admin-secret"
  assert_line "orders = s3cret-orders"
  assert_line "gateway = gateway-secret"
  [ "$(stat -c %a "$BROKER_DIR/etc/artemis-users.properties")" = 600 ]
  run grep -c . "$BROKER_DIR/etc/artemis-users.properties"
  assert_output "$(grep -cv '^\s*\(#\|$\)' "$ROOT/jms-config/users.properties")"
  run grep '^amq = ' "$BROKER_DIR/etc/artemis-roles.properties"
  assert_output --partial "admin"
}

@test "a broker user without a password is refused" {
  source_launcher
  BROKER_DIR=$BATS_TEST_TMPDIR/broker
  mkdir -p "$BROKER_DIR/etc"
  unset EVENTSHOP_BROKER_ORDERS_PASSWORD
  run write_broker_users "$BROKER_DIR"
  assert_failure
  assert_output --partial "no password for broker user 'orders': set EVENTSHOP_BROKER_ORDERS_PASSWORD"
}

@test "Payara gets every sender's broker password, the database's, the broker operator's and the fingerprint key as password aliases" {
  source_launcher
  run -0 password_aliases
  for party in $EVENTSHOP_BROKER_SENDERS; do
    assert_line --regexp "^eventshop-broker-$party [^ ]+$"
  done
  assert_line "eventshop-db eventshop-secret"
  assert_line "eventshop-broker-management admin-secret"
  assert_line "eventshop-fingerprint fingerprint-secret"
}

@test "a child launcher of another profile forgets this one's defaults and keeps what the caller set" {
  EVENTSHOP_DB=postgres source_launcher
  [ "$EVENTSHOP_PORT_BASE" = "" ] && [ "$EVENTSHOP_BROKER_PORT" = 61616 ]
  forget_defaults
  [ "${EVENTSHOP_BROKER_PORT+set}" = "" ]
  [ "$EVENTSHOP_DB" = postgres ]
  [ "$EVENTSHOP_ROOT" = "$ROOT" ]
}

@test "PostgreSQL runs as the caller, or as the unprivileged account when the caller is root" {
  EVENTSHOP_PG_OS_USER=nobody source_launcher
  run -0 pg_as id -un
  if [ "$(id -u)" -eq 0 ]; then assert_output nobody; else assert_output "$(id -un)"; fi
}

@test "PostgreSQL's binaries and data stay in runtime/, unless root runs a checkout its account cannot enter" {
  EVENTSHOP_PG_OS_USER=nobody EVENTSHOP_DB=postgres source_launcher
  chmod 700 "$ROOT"
  if [ "$(id -u)" -eq 0 ]; then
    run -0 pg_data
    assert_output --regexp '^/var/tmp/eventshop-postgresql-[0-9a-f]{12}/pgdata$'
  else
    run -0 pg_data
    assert_output "$ROOT/runtime/dev/pgdata"
  fi
  run -0 pg_home
  assert_output --regexp "/postgresql-$(sed -n 's:.*<postgresql-server.version>\(.*\)</postgresql-server.version>.*:\1:p' "$ROOT/pom.xml")$"
}

@test "start --instances 2 refuses H2, which one server embeds and several cannot share" {
  EVENTSHOP_DB=h2 run -1 "$LAUNCHER" start --instances 2
  assert_output --partial "--instances 2 needs PostgreSQL"
  refute_output --partial "Starting"
}

@test "several instances choose PostgreSQL by default, and each instance's ports follow the profile's port base" {
  EVENTSHOP_INSTANCES=3 EVENTSHOP_PROFILE=test source_launcher
  assert_equal "$EVENTSHOP_DB" postgres
  assert_equal "$(instance_http_port 1)" 25080
  assert_equal "$(instance_http_port 3)" 25280
  assert_equal "$HTTP_PORT" 24880   # the load balancer's
}

@test "every server-config/ command has a rule for the deployment group: config-level ones on its config, resources referenced" {
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=test source_launcher
  cp -r "$BATS_TEST_DIRNAME/../../server-config" "$ROOT/"
  run -0 group_config_commands
  assert_output --partial "set configs.config.eventshop-config.jms-service.type=DISABLED"
  assert_output --partial "create-resource-ref --target eventshop jdbc/eventshop"
  assert_output --partial "create-application-ref --target eventshop artemis-rar"
  refute_output --partial "server-config"
  refute_output --partial "http-listener-1.enabled=false"
}

@test "a broker pair: the adapter gets one connector class and one parameter set per broker, lists of equal length" {
  EVENTSHOP_BROKER_PAIR=true EVENTSHOP_PROFILE=test source_launcher
  cp -r "$BATS_TEST_DIRNAME/../../server-config" "$ROOT/"
  local line classes parameters
  line=$(rendered_config | grep '^create-resource-adapter-config')
  classes=$(sed -n 's/.*ConnectorClassName=\([^:]*\):.*/\1/p' <<< "$line")
  parameters=$(sed -n 's/.*ConnectionParameters=\([^:]*\):.*/\1/p' <<< "$line")
  assert_equal "$(tr ',' '\n' <<< "$classes" | grep -c NettyConnectorFactory)" 2
  assert_equal "$(tr ',' '\n' <<< "$parameters" | wc -l)" 2
  assert_equal "$parameters" 'host\\=127.0.0.1;port\\=61626,host\\=127.0.0.1;port\\=61627'
  [[ "$line" == *":HA=true:"* ]]
  # the clients' URL names both, and the server reads both consoles
  assert_equal "$EVENTSHOP_BROKER_URL" "(tcp://127.0.0.1:61626,tcp://127.0.0.1:61627)?ha=true&reconnectAttempts=-1"
  run -0 rendered_config
  assert_output --partial 'eventshop.broker.console.port=8171,8271:'
}

@test "one broker: one connector, HA off, the one URL and console" {
  EVENTSHOP_PROFILE=test source_launcher
  cp -r "$BATS_TEST_DIRNAME/../../server-config" "$ROOT/"
  run -0 rendered_config
  assert_output --partial 'ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory:ConnectionParameters=host\\=127.0.0.1;port\\=61626:HA=false:'
  assert_equal "$EVENTSHOP_BROKER_URL" "tcp://127.0.0.1:61626"
}

@test "several instances imply the broker pair" {
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=test source_launcher
  assert_equal "$EVENTSHOP_BROKER_PAIR" true
}

@test "--broker-pair asks for the pair alone; status names both brokers" {
  EVENTSHOP_PROFILE=test run -1 "$LAUNCHER" status
  assert_line "broker      stopped"
  EVENTSHOP_PROFILE=test run -1 "$LAUNCHER" status --broker-pair
  assert_line "broker (primary) stopped"
  assert_line "broker (backup) stopped"
}

@test "consumers refuses a count it cannot honour, and a wrong usage, before it asks the server" {
  run -1 "$LAUNCHER" consumers payments 0
  assert_output --partial "at least 1"
  assert_output --partial "AMQ153004"
  run -1 "$LAUNCHER" consumers payments many
  assert_output --partial "'many' is not a number of consumers"
  run -1 "$LAUNCHER" consumers payments
  assert_output --partial "usage: bin/eventshop consumers"
  refute_output --partial "domain is not running"
}

@test "bench --instances refuses a list that is not numbers of instances before it starts anything" {
  run -1 "$LAUNCHER" bench --instances 1,two
  assert_output --partial "--instances takes numbers of instances separated by commas, e.g. 1,2, not '1,two'"
  refute_output --partial "Starting"
}

@test "bench --instances 1,2 measures both on the broker pair, and what serves: the one server, or the instances with the DAS apart" {
  EVENTSHOP_INSTANCES=1,2 EVENTSHOP_PROFILE=bench source_launcher
  assert_equal "$EVENTSHOP_BROKER_PAIR" true
  mkdir -p "$DOMAIN_DIR/config" "$(dirname "$BROKER_PID_FILE")"
  echo 101 > "$DOMAIN_DIR/config/pid"; echo 201 > "$BROKER_PID_FILE"; echo 202 > "$BACKUP_BROKER_PID_FILE"
  EVENTSHOP_INSTANCES=1
  run -0 bench_processes
  assert_output --regexp '^payara=101;das=;broker=201,202;postgresql=;'
  EVENTSHOP_INSTANCES=2
  mkdir -p "$(instance_dir 1)/config" "$(instance_dir 2)/config"
  echo 301 > "$(instance_dir 1)/config/pid"; echo 302 > "$(instance_dir 2)/config/pid"
  run -0 bench_processes
  assert_output --regexp '^payara=301,302;das=101;broker=201,202;'
}

@test "chaos on one server kills the broker and Payara by their pid files, as it always has" {
  EVENTSHOP_PROFILE=chaos source_launcher
  run -0 chaos_targets
  assert_equal "${#lines[@]}" 4
  assert_line "-Dchaos.broker.console=http://127.0.0.1:8176/"
  assert_line "-Dchaos.pid.broker=$ROOT/runtime/chaos/broker.pid"
  assert_line "-Dchaos.pid.server=$ROOT/runtime/chaos/domains/eventshop/config/pid"
  assert_line "-Dchaos.restart=$ROOT/bin/eventshop start --no-deploy"
}

@test "chaos --instances 2 kills the live broker (a command finds it) and the last instance, and reads both brokers and every instance" {
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=chaos source_launcher
  run -0 chaos_targets
  assert_line "-Dchaos.broker.consoles=http://127.0.0.1:8176/,http://127.0.0.1:8276/"
  assert_line "-Dchaos.pid.broker.command=$ROOT/bin/eventshop live-broker-pid"
  assert_line "-Dchaos.broker.logs=$ROOT/runtime/chaos/broker/log,$ROOT/runtime/chaos/broker-backup/log"
  assert_line "-Dchaos.server.name=instance-2"
  assert_line "-Dchaos.pid.server=$ROOT/runtime/chaos/nodes/eventshop-node/instance-2/config/pid"
  assert_line "-Dchaos.server.ready=http://127.0.0.1:45180/health/ready"
  assert_line "-Dchaos.payara.config=eventshop-config"
  assert_line "-Dchaos.payara.targets=instance-1,instance-2"
  assert_line "-Dchaos.restart=$ROOT/bin/eventshop start --no-deploy --instances 2"
}

@test "live-broker-pid names whichever broker of the pair is live, and fails when none is" {
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=chaos source_launcher
  mkdir -p "$STATE"; echo 201 > "$BROKER_PID_FILE"; echo 202 > "$BACKUP_BROKER_PID_FILE"
  role_live() { [ "$1" = "${LIVE:-}" ]; }
  LIVE=backup run -0 live_broker_pid
  assert_output 202
  LIVE=primary run -0 live_broker_pid
  assert_output 201
  run -1 live_broker_pid
  assert_output --partial "no broker is live"
}

@test "with several instances status names the supervisor, which start runs in a session of its own and stop ends" {
  EVENTSHOP_PROFILE=test run -1 "$LAUNCHER" status --instances 2
  assert_line "supervisor  stopped (a dead instance's transactions wait for its restart)"
  EVENTSHOP_PROFILE=test EVENTSHOP_SUPERVISOR=false run -1 "$LAUNCHER" status --instances 2
  refute_output --partial "supervisor"
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=test EVENTSHOP_SUPERVISOR_INTERVAL=1 source_launcher
  mkdir -p "$STATE"
  EVENTSHOP_SOURCED_BY_TESTS=false start_supervisor   # the child launcher runs its command
  local pid; pid=$(supervisor_pid)
  wait_for "the supervisor's first line" 20 grep -q "supervising the instances of eventshop" "$SUPERVISOR_LOG"
  assert_equal "$(ps -o sid= -p "$pid" | tr -d ' ')" "$pid"
  run -0 supervisor_status
  assert_output --partial "supervisor  running (pid $pid)"
  stop_supervisor
  assert_equal "$(ps -o stat= -s "$pid" | grep -vc '^Z')" 0
  [ ! -f "$SUPERVISOR_PID_FILE" ]
}

@test "the supervisor recovers a dead instance only from its transaction log, and only on a running instance" {
  EVENTSHOP_INSTANCES=2 EVENTSHOP_PROFILE=test source_launcher
  mkdir -p "$(instance_dir 1)/config" "$(instance_tx_log_dir 2)" "$(instance_dir 2)/config"
  asadmin() { echo "asadmin $*" >> "$BATS_TEST_TMPDIR/asadmin"; }
  # never logged a transaction: nothing to recover, asadmin not asked
  run -0 recover_dead_instance 2 99999999
  assert_output --partial "no transaction log"
  # a log, but no other instance runs: tried again later
  echo "vm,instance-2,P100" > "$(instance_tx_log_dir 2)/recoveryfile"
  run -1 recover_dead_instance 2 99999999
  assert_output --partial "no other instance is"
  [ ! -f "$BATS_TEST_TMPDIR/asadmin" ]
}
