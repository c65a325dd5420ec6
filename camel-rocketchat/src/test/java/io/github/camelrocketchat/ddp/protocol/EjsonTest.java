package io.github.camelrocketchat.ddp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.BadFrameKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EjsonTest {

    /** Encodes {@code value} as the params of a method frame and decodes it back. */
    private static Object roundTrip(Object value) throws Exception {
        String frame = DdpCodec.encode(new DdpMessage.Method("1", "m", Arrays.asList(value)));
        return ((DdpMessage.Method) DdpCodec.decode(frame)).params().get(0);
    }

    private static String encoded(Object value) {
        String frame = DdpCodec.encode(new DdpMessage.Method("1", "m", Arrays.asList(value)));
        return frame.substring(frame.indexOf("\"params\":[") + 10, frame.length() - 2);
    }

    private static Object decoded(String json) throws Exception {
        return ((DdpMessage.Result) DdpCodec.decode("{\"msg\":\"result\",\"id\":\"1\",\"result\":" + json + "}")).result();
    }

    @Test
    void dates() throws Exception {
        Instant t = Instant.ofEpochMilli(1731928800123L);
        assertThat(encoded(t)).isEqualTo("{\"$date\":1731928800123}");
        assertThat(roundTrip(t)).isEqualTo(t);
        assertThat(encoded(java.util.Date.from(t))).isEqualTo("{\"$date\":1731928800123}");
        assertThat(decoded("{\"$date\":0}")).isEqualTo(Instant.EPOCH);
        // an Invalid Date: JSON.stringify writes EJSON's {$date: NaN} as null
        assertThat(decoded("{\"$date\":null}")).isNull();
        assertThat(decoded("{\"a\":{\"$date\":null}}")).isEqualTo(java.util.Collections.singletonMap("a", null));
    }

    @Test
    void binary() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xfb, (byte) 0xff};
        assertThat(encoded(bytes)).isEqualTo("{\"$binary\":\"AAEC+/8=\"}");
        assertThat((byte[]) roundTrip(bytes)).containsExactly(bytes);
    }

    @Test
    void infinityAndNaN() throws Exception {
        assertThat(encoded(Double.NaN)).isEqualTo("{\"$InfNaN\":0}");
        assertThat(encoded(Double.POSITIVE_INFINITY)).isEqualTo("{\"$InfNaN\":1}");
        assertThat(encoded(Float.NEGATIVE_INFINITY)).isEqualTo("{\"$InfNaN\":-1}");
        assertThat(roundTrip(Double.NaN)).isEqualTo(Double.NaN);
        assertThat(roundTrip(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(roundTrip(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void regexpAndCustomTypes() throws Exception {
        assertThat(encoded(new EjsonRegExp("^a.*", "gi"))).isEqualTo("{\"$regexp\":\"^a.*\",\"$flags\":\"gi\"}");
        assertThat(roundTrip(new EjsonRegExp("^a.*", "gi"))).isEqualTo(new EjsonRegExp("^a.*", "gi"));
        EjsonCustom oid = new EjsonCustom("oid", "5f1d7f3e9b1e8a0012345678");
        assertThat(encoded(oid)).isEqualTo("{\"$type\":\"oid\",\"$value\":\"5f1d7f3e9b1e8a0012345678\"}");
        assertThat(roundTrip(oid)).isEqualTo(oid);
        EjsonCustom nested = new EjsonCustom("span", Map.of("from", Instant.EPOCH));
        assertThat(roundTrip(nested)).isEqualTo(nested);
    }

    @Test
    void objectsThatLookLikeTagsAreEscapedBothWays() throws Exception {
        Map<String, Object> literal = new LinkedHashMap<>();
        literal.put("$date", 5);
        assertThat(encoded(literal)).isEqualTo("{\"$escape\":{\"$date\":5}}");
        assertThat(roundTrip(literal)).isEqualTo(Map.of("$date", 5));
        Map<String, Object> typeLike = new LinkedHashMap<>();
        typeLike.put("$type", "x");
        typeLike.put("$value", Instant.EPOCH);
        assertThat(encoded(typeLike)).isEqualTo("{\"$escape\":{\"$type\":\"x\",\"$value\":{\"$date\":0}}}");
        assertThat(roundTrip(typeLike)).isEqualTo(typeLike);
        // values inside $escape are still EJSON
        assertThat(decoded("{\"$escape\":{\"$binary\":{\"$date\":7}}}")).isEqualTo(Map.of("$binary", Instant.ofEpochMilli(7)));
    }

    @Test
    void onlyExactTagKeySetsAreTags() throws Exception {
        assertThat(decoded("{\"$date\":5,\"other\":1}")).isEqualTo(Map.of("$date", 5, "other", 1));
        assertThat(decoded("{\"$regexp\":\"a\"}")).isEqualTo(Map.of("$regexp", "a"));
        assertThat(decoded("{\"$value\":1,\"$type\":\"t\",\"x\":2}")).isEqualTo(Map.of("$value", 1, "$type", "t", "x", 2));
        assertThat(decoded("{\"$unknown\":1}")).isEqualTo(Map.of("$unknown", 1));
        assertThat(encoded(Map.of("$unknown", 1))).isEqualTo("{\"$unknown\":1}");
    }

    @Test
    void decodedValuesArePlainJavaTypesInInsertionOrder() throws Exception {
        Object v = decoded("{\"z\":1,\"a\":12345678901,\"m\":1.5,\"b\":true,\"n\":null,\"l\":[1,\"x\",{\"$date\":3}],"
                + "\"big\":123456789012345678901234567890}");
        assertThat(v).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("z", "a", "m", "b", "n", "l", "big");
        assertThat(m.get("z")).isInstanceOf(Integer.class);
        assertThat(m.get("a")).isInstanceOf(Long.class);
        assertThat(m.get("m")).isEqualTo(1.5);
        assertThat(m.get("b")).isEqualTo(true);
        assertThat(m.get("l")).isEqualTo(List.of(1, "x", Instant.ofEpochMilli(3)));
        assertThat(m.get("big")).isInstanceOf(Double.class);
    }

    @Test
    void everyPlainValueSurvivesARoundTrip() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "text \"quoted\" \u00e9\u6f22");
        m.put("i", 7);
        m.put("l", 1L << 40);
        m.put("d", 0.25);
        m.put("t", false);
        m.put("n", null);
        m.put("list", List.of(List.of(), Map.of()));
        m.put("when", Instant.ofEpochMilli(99));
        assertThat(roundTrip(m)).isEqualTo(m);
        assertThat(roundTrip(new Object[] {"a", 1})).isEqualTo(List.of("a", 1));
    }

    @Test
    void malformedTagsAreWrongFieldTypes() {
        for (String bad : List.of("{\"$date\":\"x\"}", "{\"$binary\":5}", "{\"$binary\":\"%%%\"}", "{\"$InfNaN\":\"x\"}",
                "{\"$regexp\":1,\"$flags\":\"\"}", "{\"$type\":1,\"$value\":1}", "{\"$escape\":1}")) {
            assertThatThrownBy(() -> decoded(bad)).as(bad).isInstanceOfSatisfying(BadFrameException.class,
                    e -> assertThat(e.kind()).isEqualTo(BadFrameKind.WRONG_FIELD_TYPE));
        }
    }

    @Test
    void unsupportedJavaValuesAreRefusedNamingThePath() {
        assertThatThrownBy(() -> encoded(Map.of("a", List.of(1, new StringBuilder("x")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params[0].a[1]")
                .hasMessageContaining("StringBuilder");
        assertThatThrownBy(() -> encoded(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must be strings");
    }
}
