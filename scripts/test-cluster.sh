#!/usr/bin/env bash
# `npm run test:cluster` (and the last step of `npm test`): the tests of a
# three-node mirror cluster (scripts/cluster-env.sh), started here (or found
# running), tested, stopped again.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
source "$PWD/scripts/cluster-env.sh"
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
