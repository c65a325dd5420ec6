package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.WireFixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

/** The high-water mark, the overlap memory and the durable cursor of a room message consumer. */
class RoomMarksTest {
    private static final Instant T = WireFixtures.T0;
    private static final String KEY = ConsumerCursor.key("GENERAL", "route-1");

    private static ChatMessage message(String id, Instant updatedAt, String text) {
        Map<String, Object> m = new LinkedHashMap<>(WireFixtures.normal());
        m.put("_id", id);
        m.put("msg", text);
        m.put("ts", updatedAt);
        m.put("_updatedAt", updatedAt);
        return ChatMessage.fromMap(m);
    }

    @Test
    void theMarkIsTheNewestUpdateAndAGapFillStartsAMillisecondBeforeItForTheOthersOfThatMillisecond() {
        RoomMarks marks = new RoomMarks(null, KEY, 100);
        assertThat(marks.start(null, T)).as("nothing to fill at start").isFalse();
        assertThat(marks.fillFrom()).as("nothing delivered: from the start").isEqualTo(T);

        marks.processed(message("a", T.plusMillis(5), "a"), false);
        marks.processed(message("b", T.plusMillis(5), "b"), false);
        marks.processed(message("old", T.plusMillis(1), "late edit of an old one"), false);
        assertThat(marks.mark()).isEqualTo(T.plusMillis(5));
        assertThat(marks.fillFrom()).isEqualTo(T.plusMillis(4));
    }

    @Test
    void replayedVersionsAlreadyDeliveredAreRepeatsLiveOnesOnlyWithinWhatAGapFillReplayed() {
        RoomMarks marks = new RoomMarks(null, KEY, 100);
        marks.start(null, T);
        ChatMessage created = message("m", T.plusMillis(10), "hi");
        marks.processed(created, false);
        assertThat(marks.isRepeat(created, true)).isTrue();
        assertThat(marks.isRepeat(message("m", T.plusMillis(20), "hi, edited"), true)).isFalse();
        assertThat(marks.isRepeat(message("other", T.plusMillis(10), "x"), true)).isFalse();
        // no gap-fill yet: a live change in the same millisecond still reaches the classifier
        assertThat(marks.isRepeat(message("m", T.plusMillis(10), "same millisecond edit"), false)).isFalse();

        marks.processed(message("r", T.plusMillis(30), "replayed"), true);
        marks.processed(message("m", T.plusMillis(25), "hi, edited"), true);
        assertThat(marks.isRepeat(message("r", T.plusMillis(30), "replayed"), false)).as("the live copy of a replayed one").isTrue();
        assertThat(marks.isRepeat(message("m", T.plusMillis(20), "stale live version"), false)).isTrue();
        assertThat(marks.isRepeat(message("n", T.plusMillis(31), "newer than any replay"), false)).isFalse();
    }

    @Test
    void aLiveVersionOlderThanTheNewestReplayedOneIsARepeatEvenWhenTheMemoryForgotIt() {
        RoomMarks marks = new RoomMarks(null, KEY, 2);
        marks.start(null, T);
        // a gap-fill replays more versions than the memory holds (a burst the server stored before it streamed it)
        for (int i = 1; i <= 10; i++) {
            marks.processed(message("r" + i, T.plusMillis(i), "replayed " + i), true);
        }
        // then the live copies of those versions arrive: none is delivered again, though r1..r8 are forgotten
        for (int i = 1; i <= 9; i++) {
            assertThat(marks.isRepeat(message("r" + i, T.plusMillis(i), "replayed " + i), false)).as("live r" + i).isTrue();
        }
        assertThat(marks.isRepeat(message("r10", T.plusMillis(10), "replayed 10"), false)).isTrue();
        // the replay's newest millisecond also holds a message written after the gap-fill asked: it is new
        assertThat(marks.isRepeat(message("late", T.plusMillis(10), "same millisecond, after the query"), false)).isFalse();
        assertThat(marks.isRepeat(message("next", T.plusMillis(11), "newer"), false)).isFalse();
    }

    @Test
    void hardDeletionsAreRememberedByIdAndTheMemoryIsBounded() {
        RoomMarks marks = new RoomMarks(null, KEY, 2);
        assertThat(marks.deletedBefore("x")).isFalse();
        assertThat(marks.deletedBefore("x")).isTrue();
        marks.processed(message("1", T.plusMillis(1), "1"), true);
        marks.processed(message("2", T.plusMillis(2), "2"), true);
        marks.processed(message("3", T.plusMillis(3), "3"), true);
        assertThat(marks.isRepeat(message("3", T.plusMillis(3), "3"), true)).isTrue();
        assertThat(marks.isRepeat(message("1", T.plusMillis(1), "1"), true)).as("forgotten: the oldest").isFalse();
    }

    @Test
    void theCursorHoldsTheMarkAndTheIdsOfItsMillisecondAndAStartFromItRepeatsNone() {
        MemoryStateRepository repo = new MemoryStateRepository();
        RoomMarks first = new RoomMarks(repo, KEY, 100);
        first.start(null, T);
        assertThat(repo.getState(KEY)).as("nothing delivered yet: the start, so a successor fills from it").isEqualTo(T.toString());
        first.store();
        assertThat(repo.getState(KEY)).isEqualTo(T.toString());
        first.processed(message("a", T.plusMillis(7), "a"), false);
        first.processed(message("b", T.plusMillis(7), "b"), false);
        first.store();
        assertThat(repo.getState(KEY)).isEqualTo(T.plusMillis(7) + " a,b");

        RoomMarks next = new RoomMarks(repo, KEY, 100);
        assertThat(next.start(T.minusSeconds(3600), T.plusSeconds(60))).as("a stored cursor wins over since").isTrue();
        assertThat(next.fillFrom()).isEqualTo(T.plusMillis(6));
        assertThat(next.isRepeat(message("a", T.plusMillis(7), "a"), true)).isTrue();
        assertThat(next.isRepeat(message("c", T.plusMillis(7), "c"), true)).isFalse();
    }

    @Test
    void sinceWithoutACursorAndAHandWrittenCursorAreExclusiveInstants() {
        MemoryStateRepository sinceRepo = new MemoryStateRepository();
        RoomMarks since = new RoomMarks(sinceRepo, KEY, 100);
        assertThat(since.start(T, T.plusSeconds(60))).isTrue();
        assertThat(since.fillFrom()).isEqualTo(T);
        assertThat(sinceRepo.getState(KEY)).as("since is where a successor starts too").isEqualTo(T.toString());

        MemoryStateRepository repo = new MemoryStateRepository();
        repo.setState(KEY, "2024-11-18T11:20:00Z");
        RoomMarks handWritten = new RoomMarks(repo, KEY, 100);
        assertThat(handWritten.start(null, T.plusSeconds(60))).isTrue();
        assertThat(handWritten.fillFrom()).isEqualTo(Instant.parse("2024-11-18T11:20:00Z"));
    }

    @Test
    void cursorValuesParseAndFormatAndABadOneNamesItsKey() {
        assertThat(ConsumerCursor.key("__my_messages__", "journal")).isEqualTo("rocketchat:stream-room-messages:__my_messages__:journal");
        ConsumerCursor c = ConsumerCursor.parse(KEY, "2026-12-03T08:27:42.123Z m1,m2");
        assertThat(c.instant()).isEqualTo(Instant.parse("2026-12-03T08:27:42.123Z"));
        assertThat(c.ids()).containsExactly("m1", "m2");
        assertThat(c.format()).isEqualTo("2026-12-03T08:27:42.123Z m1,m2");
        assertThat(ConsumerCursor.parse(KEY, " ")).isNull();
        assertThat(new ConsumerCursor(T, List.of()).format()).isEqualTo(T.toString());
        assertThatThrownBy(() -> ConsumerCursor.parse(KEY, "yesterday"))
                .hasMessageContaining(KEY).hasMessageContaining("'yesterday'");
    }
}
