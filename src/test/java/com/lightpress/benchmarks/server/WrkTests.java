package com.lightpress.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark reads wrk's report: successes per second, failures, and the two percentiles. */
class WrkTests {

    @Test
    void readsThroughputFailuresAndPercentilesInAnyUnit() {
        var report = """
                Running 8s test @ http://127.0.0.1:20001/oauth2/token
                  2 threads and 8 connections
                  Latency Distribution
                     50%  850.00us
                     75%    3.27ms
                     90%    5.09ms
                     99%    1.20s
                  2888 requests in 8.00s, 0.94MB read
                  Non-2xx or 3xx responses: 88
                Requests/sec:    361.00
                """;

        var result = Wrk.parse(report, Duration.ofSeconds(8));

        assertThat(result.ok()).isEqualTo(2800);
        assertThat(result.failed()).isEqualTo(88);
        assertThat(result.perSecond()).isEqualTo(350.0);
        assertThat(result.p50Ms()).isEqualTo(0.85);
        assertThat(result.p99Ms()).isEqualTo(1200.0);
    }
}
