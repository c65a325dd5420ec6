package io.github.camelrocketchat.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeMirrorsTest {

    @Test
    void remembersForgetsAndKnowsItsMirrors() {
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
