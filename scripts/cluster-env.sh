# The cluster tests' stack: sourced by scripts/test-cluster.sh (which
# scripts/test.sh runs beside the soak). The mirror as a
# three-node RabbitMQ cluster on loopback, its own origin, its own ports and
# state folder (.stack-cluster), so it never disturbs the stack `npm start`
# and the other tests use.
export WARREN_STACK_DIR="$PWD/.stack-cluster"
export WARREN_MIRROR_NODES=3
export WARREN_ORIGIN_NODENAME=warren-cluster-origin@localhost WARREN_MIRROR_NODENAME=warren-cluster-mirror@localhost
export WARREN_ORIGIN_AMQP_PORT=5772 WARREN_ORIGIN_MGMT_PORT=15772
# Mirror node i listens on these plus 10*(i-1): 5773/15773/15774, 5783/15783/15784, 5793/15793/15794.
export WARREN_MIRROR_AMQP_PORT=5773 WARREN_MIRROR_MGMT_PORT=15773 WARREN_WEB_STOMP_PORT=15774
# Its own dashboard build and port: the runtime config names the cluster's brokers.
export WARREN_PORT="${WARREN_CLUSTER_PORT:-8081}" WARREN_DIST_DIR="$PWD/.dist-cluster"

