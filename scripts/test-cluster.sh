#!/usr/bin/env bash
# `npm run test:cluster` (and the last step of `npm test`): the mirror as a
# three-node RabbitMQ cluster on loopback, its own origin, its own ports and
# state folder (.stack-cluster), so it never disturbs the stack `npm start`
# and the other tests use. Started here, tested, stopped again.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export WARREN_STACK_DIR="$PWD/.stack-cluster"
export WARREN_MIRROR_NODES=3
export WARREN_ORIGIN_NODENAME=warren-cluster-origin@localhost WARREN_MIRROR_NODENAME=warren-cluster-mirror@localhost
export WARREN_ORIGIN_AMQP_PORT=5772 WARREN_ORIGIN_MGMT_PORT=15772
# Mirror node i listens on these plus 10*(i-1): 5773/15773/15774, 5783/15783/15784, 5793/15793/15794.
export WARREN_MIRROR_AMQP_PORT=5773 WARREN_MIRROR_MGMT_PORT=15773 WARREN_WEB_STOMP_PORT=15774
# Its own dashboard build and port: the runtime config names the cluster's brokers.
export WARREN_PORT="${WARREN_CLUSTER_PORT:-8081}" WARREN_DIST_DIR="$PWD/.dist-cluster"

status=0
tsx stack/cli.ts up || status=1
if [ $status -eq 0 ]; then
  # As npm start does on a cluster: a shovel that stops moving after a node loss is restarted (stack/shovel-watchdog.ts).
  tsx stack/cli.ts watch &
  watchdog=$!
  PLAYWRIGHT_JSON_OUTPUT_FILE=test-results/e2e-cluster.json playwright test -c playwright.cluster.config.ts --reporter=list,json "$@" || status=1
  kill "$watchdog" 2>/dev/null; wait "$watchdog" 2>/dev/null
fi
# Whatever happened, the cluster goes away: three idle nodes cost a 2-core box.
tsx stack/cli.ts down || true
exit $status
