package io.github.camelrocketchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every benchmark runs once at a tiny size, so that they keep working; their figures are not checked here (a timed
 * test on a shared machine proves nothing), only what each verifies about correctness.
 */
class BenchSmokeTest {

    @Test
    void inboundDeliversEveryFirehoseMessageExactlyOnceWithTheDefaultQueueAndASmallOne() throws Exception {
        assertThat(InboundBench.run(3000, 1, 64, 1000)).isTrue();
        // a queue far smaller than the burst: the consumer falls behind, gap-fills, and still repeats nothing
        assertThat(InboundBench.run(3000, 1, 256, 10)).isTrue();
    }

    @Test
    void scaleSubscribesEveryConsumer() throws Exception {
        assertThat(ScaleBench.run(30, 1)).isTrue();
    }

    @Test
    void latencyOutboundAndRecoveryRun() throws Exception {
        LatencyBench.run(1000, 1, 1);
        OutboundBench.run(200, 1, "1,16");
        assertThat(RecoveryBench.run(20, 1)).isTrue();
    }
}
