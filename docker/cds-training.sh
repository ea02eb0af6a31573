#!/bin/sh
# CDS training run, executed once by the Dockerfile's training stage (as root, from /application).
#
# Starts a throwaway PostgreSQL, lets Lightpress refresh its whole context against it with every
# module local (so the classes of every module are recorded), and writes application.jsa when the
# JVM exits at the end of the refresh. No value below reaches the final image: only the archive is
# copied out of this stage. Every setting the application requires must be present here too, or
# the refresh fails and so does the image build, which is the point: DeploymentArtifactsTests checks it.
set -eu

PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
PG_DATA=$(mktemp -d)
PG_PORT=54329
chown postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" --pgdata="$PG_DATA" --username=postgres --auth=trust >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" --pgdata="$PG_DATA" --wait --silent \
    --log="$PG_DATA/server.log" \
    --options="-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DATA" start
runuser -u postgres -- "$PG_BIN/psql" --host=127.0.0.1 --port=$PG_PORT --username=postgres --quiet \
    --command="CREATE ROLE lightpress LOGIN PASSWORD 'training'" \
    --command="CREATE DATABASE lightpress OWNER lightpress"

env \
    SPRING_PROFILES_ACTIVE=prod \
    LIGHTPRESS_MODULES_LOCAL=users,auth,billing,notifications \
    LIGHTPRESS_PLATFORM_SCHEMA=lightpress \
    LIGHTPRESS_PLATFORM_PUBLIC_URL=http://localhost:8080 \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/lightpress" \
    SPRING_DATASOURCE_USERNAME=lightpress \
    SPRING_DATASOURCE_PASSWORD=training \
    SPRING_CLOUD_AWS_REGION_STATIC=eu-central-1 \
    SPRING_CLOUD_AWS_SQS_ENDPOINT=http://127.0.0.1:4566 \
    AWS_ACCESS_KEY_ID=training \
    AWS_SECRET_ACCESS_KEY=training \
    LIGHTPRESS_PLATFORM_SQS_QUEUE_PREFIX=lightpress- \
    LIGHTPRESS_PLATFORM_SQS_CREATE_QUEUES=false \
    SPRING_MAIL_HOST=127.0.0.1 \
    SPRING_MAIL_PORT=1025 \
    LIGHTPRESS_NOTIFICATIONS_FROM=training@lightpress.invalid \
    LIGHTPRESS_BILLING_STRIPE_API_KEY=sk_test_training \
    LIGHTPRESS_BILLING_STRIPE_WEBHOOK_SECRET=whsec_training \
    LIGHTPRESS_BILLING_STRIPE_API_BASE=http://127.0.0.1:12111 \
    LIGHTPRESS_AUTH_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
    LIGHTPRESS_AUTH_INTERNAL_CLIENT_SECRET="$(head -c 24 /dev/urandom | base64)" \
    LIGHTPRESS_NOTIFICATIONS_UNSUBSCRIBE_SECRET="$(head -c 24 /dev/urandom | base64)" \
    java -XX:MaxRAMPercentage=75.0 -XX:ArchiveClassesAtExit=application.jsa -Xlog:cds=error \
        -Dspring.context.exit=onRefresh -jar application.jar

runuser -u postgres -- "$PG_BIN/pg_ctl" --pgdata="$PG_DATA" --wait --silent --mode=fast stop
rm -rf "$PG_DATA"
test -s application.jsa
