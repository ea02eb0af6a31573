#!/bin/sh
# LocalStack init hook (ready.d): creates Lightpress's queues as cloudformation/queues.yaml does
# in AWS. One queue per module, named <prefix><module>, each with a dead-letter queue
# <prefix><module>-dlq that takes a message after 5 failed receives. The compose health check waits
# for the last queue made here, so keep notifications last.
set -eu

prefix="${LIGHTPRESS_QUEUE_PREFIX:-lightpress-}"
attributes=$(mktemp)

for module in users auth billing notifications; do
    dlq_url=$(awslocal sqs create-queue --queue-name "${prefix}${module}-dlq" \
        --attributes MessageRetentionPeriod=1209600 --query QueueUrl --output text)
    dlq_arn=$(awslocal sqs get-queue-attributes --queue-url "$dlq_url" \
        --attribute-names QueueArn --query Attributes.QueueArn --output text)
    printf '{"VisibilityTimeout": "60", "RedrivePolicy": "{\\"deadLetterTargetArn\\":\\"%s\\",\\"maxReceiveCount\\":5}"}' \
        "$dlq_arn" > "$attributes"
    awslocal sqs create-queue --queue-name "${prefix}${module}" --attributes "file://$attributes" > /dev/null
    echo "created queue ${prefix}${module} with dead-letter queue ${prefix}${module}-dlq"
done

rm -f "$attributes"
