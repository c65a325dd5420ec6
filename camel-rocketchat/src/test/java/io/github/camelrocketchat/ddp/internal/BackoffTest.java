package io.github.camelrocketchat.ddp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.ReconnectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static RandomGenerator seeded() {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    }

    @Test
    void capDoublesFromTheInitialDelayUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), seeded());
        List<Long> caps = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            caps.add(b.cap(n));
        }
        assertThat(caps).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        assertThat(b.cap(63)).isEqualTo(30000L);
        assertThat(b.cap(Integer.MAX_VALUE)).isEqualTo(30000L);
    }

    @Test
    void delaysAreFullJitterDrawsFromTheInjectedRandom() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), seeded());
        List<Duration> delays = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            delays.add(b.delay(n));
        }
        // L64X128MixRandom seeded with 42: nextLong(cap + 1) for caps 500, 1000, 2000, ... 30000
        assertThat(delays).containsExactly(ms(129), ms(679), ms(563), ms(1918), ms(2896), ms(8201), ms(15299),
                ms(9265));
    }

    @Test
    void sameSeedSameDelays() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), seeded());
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), seeded());
        for (int n = 1; n <= 20; n++) {
            Duration d = a.delay(n);
            assertThat(b.delay(n)).isEqualTo(d);
            assertThat(d.toMillis()).isBetween(0L, a.cap(n));
        }
    }

    @Test
    void attemptIsOneBased() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), seeded());
        assertThatThrownBy(() -> b.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyValidation() {
        assertThat(ReconnectPolicy.NONE.enabled()).isFalse();
        assertThat(ReconnectPolicy.defaults()).isEqualTo(new ReconnectPolicy(Duration.ofMillis(500),
                Duration.ofSeconds(30), 0));
        assertThat(ReconnectPolicy.defaults().enabled()).isTrue();
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0))
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), -2))
                .hasMessageContaining("maxAttempts");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
