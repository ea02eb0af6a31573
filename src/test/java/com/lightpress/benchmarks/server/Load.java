package com.lightpress.benchmarks.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop load generator: a number of connections, each sending its next request when the
 * previous one is answered, for a fixed time. Each request is timed from send to full answer.
 */
final class Load {

    private Load() {}

    /** What one run measured: successful requests per second and their latency percentiles. */
    record Result(double perSecond, double p50Ms, double p99Ms, int ok, int failed) {

        /** Every one of these latencies (in nanoseconds) succeeded within the given time. */
        static Result of(List<Long> latencies, Duration elapsed, int failed) {
            var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(
                    sorted.length / (elapsed.toNanos() / 1e9),
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted.length,
                    failed);
        }

        @Override
        public String toString() {
            return "%.1f/s p50 %.1f ms p99 %.1f ms (%d ok, %d failed)".formatted(perSecond, p50Ms, p99Ms, ok, failed);
        }
    }

    /** One request: returns whether the answer was the expected one. */
    interface Request {
        boolean send() throws Exception;
    }

    /** Makes the request of one worker, which may hold per-connection state such as cookies. */
    interface PerWorker {
        Request of(int worker);
    }

    static Result run(int connections, Duration duration, PerWorker perWorker) throws Exception {
        var pool = Executors.newFixedThreadPool(connections);
        try {
            var requests = new ArrayList<Request>();
            for (int i = 0; i < connections; i++) {
                requests.add(perWorker.of(i));
            }
            var start = System.nanoTime();
            var end = start + duration.toNanos();
            var workers = new ArrayList<Future<Worker>>();
            for (var request : requests) {
                workers.add(pool.submit(() -> new Worker(request).runUntil(end)));
            }
            var latencies = new ArrayList<Long>();
            int failed = 0;
            for (var worker : workers) {
                var done = worker.get();
                latencies.addAll(done.latencies);
                failed += done.failed;
            }
            return Result.of(latencies, Duration.ofNanos(System.nanoTime() - start), failed);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The median of several runs of the same measurement, by throughput. */
    static Result median(List<Result> runs) {
        var sorted = runs.stream()
                .sorted((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static final class Worker {

        private final Request request;
        private final List<Long> latencies = new ArrayList<>();
        private int failed;

        Worker(Request request) {
            this.request = request;
        }

        Worker runUntil(long end) {
            while (System.nanoTime() < end) {
                var sent = System.nanoTime();
                boolean ok;
                try {
                    ok = request.send();
                } catch (Exception | AssertionError e) {
                    ok = false;
                }
                if (ok) {
                    latencies.add(System.nanoTime() - sent);
                } else {
                    failed++;
                }
            }
            return this;
        }
    }
}
