package io.github.camelrocketchat.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeMirrorsTest {

    @Test
    void remembersForgetsAndKnowsItsMirrors() throws Exception {
        BridgeMirrors m = new BridgeMirrors(2);
        m.remember("s1", "m1");
        assertThat(m.mirrorOf("s1")).isEqualTo("m1");
        assertThat(m.isMirror("m1")).isTrue();
        assertThat(m.isSourceMessage("m1")).isFalse();
        assertThat(m.isSourceMessage("s1")).isTrue();
        assertThat(m.forget("s1")).isEqualTo("m1");
        assertThat(m.mirrorOf("s1")).isNull();
        assertThat(m.forget("s1")).isNull();
        assertThat(m.mirrorOf(null)).isNull();
    }

    @Test
    void aDeletionWaitsForAMirrorBeingCreated() throws Exception {
        BridgeMirrors m = new BridgeMirrors();
        m.creating("s1");
        CompletableFuture<String> deletion = CompletableFuture.supplyAsync(() -> {
            try {
                return m.forget("s1");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        m.remember("s1", "m1");
        assertThat(deletion.get(5, TimeUnit.SECONDS)).isEqualTo("m1");
        assertThat(m.mirrorOf("s1")).isNull();

        m.creating("s2");
        m.failed("s2");
        assertThat(m.forget("s2")).isNull();
    }

    @Test
    void boundedLeastRecentlyUsedFirst() {
        BridgeMirrors m = new BridgeMirrors(2);
        m.remember("a", "1");
        m.remember("b", "2");
        m.mirrorOf("a");
        m.remember("c", "3");
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.mirrorOf("b")).isNull();
        assertThat(m.mirrorOf("a")).isEqualTo("1");
    }

    @Test
    void refusesHalfPairs() {
        assertThatThrownBy(() -> new BridgeMirrors().remember("s", null)).hasMessageContaining("Both ids");
        assertThatThrownBy(() -> new BridgeMirrors(0)).hasMessageContaining("positive");
    }
}
