package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.WireFixtures;
import io.github.camelrocketchat.session.StreamDelivery;
import io.github.camelrocketchat.session.SubscriptionSink;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gap-fill flow of a room message consumer, on one thread (the delivery executor runs steps inline): what is
 * deferred while away or behind, what a gap-fill delivers and in which order, the overlap removed, a failed gap-fill
 * reported and retried from the same mark with live messages held back meanwhile.
 */
class RoomCatchUpTest {
    private static final Instant T = WireFixtures.T0;

    private final CamelContext camel = new DefaultCamelContext();
    private final List<Exchange> delivered = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private final Queue<CompletableFuture<List<StreamDelivery>>> answers = new ArrayDeque<>();
    private final List<Instant> askedFrom = new ArrayList<>();
    private final ConsumerDelivery delivery = new ConsumerDelivery(Runnable::run, 10, e -> reports.add("step: " + e));
    private final ConsumerFlow flow = new ConsumerFlow(delivery, (fill, done) -> {
        Exchange e = new DefaultExchange(camel);
        fill.accept(e);
        delivered.add(e);
        done.run();
    }, (message, error) -> reports.add(message), new ConsumerBinding(new DefaultHeaderFilterStrategy()),
            new MessageEventClassifier(100, 10),
            new ConsumerFlow.Options(EnumSet.allOf(MessageEvent.class), false, () -> "uid-bot", true),
            new ShedEvents("test", new TestClock()), new TestClock());
    private final RoomCatchUp catchUp = new RoomCatchUp("GENERAL", new RoomMarks(null, "k", 100), (room, since) -> {
        askedFrom.add(since);
        return answers.remove();
    }, delivery, flow::replay, (message, error) -> reports.add(message), Duration.ofHours(1), Duration.ofHours(1));
    private final SubscriptionSink<StreamDelivery> messages;
    private final SubscriptionSink<StreamDelivery> deletions;

    RoomCatchUpTest() {
        flow.useCatchUp(catchUp);
        catchUp.marks().start(null, T);
        messages = flow.roomSink(0);
        deletions = flow.roomSink(1);
    }

    @AfterEach
    void close() throws Exception {
        delivery.close(0);
        camel.close();
    }

    private static StreamDelivery message(String id, int millis, String text) {
        Map<String, Object> m = new LinkedHashMap<>(WireFixtures.normal());
        m.put("_id", id);
        m.put("msg", text);
        m.put("ts", T.plusMillis(millis));
        m.put("_updatedAt", T.plusMillis(millis));
        return new StreamDelivery("stream-room-messages", "GENERAL", List.of(m), ChatMessage.fromMap(m));
    }

    private static StreamDelivery deletion(String id) {
        return new StreamDelivery("stream-notify-room", "GENERAL/deleteMessage", List.of(Map.of("_id", id)),
                new DeletedMessage("GENERAL", id));
    }

    private List<String> got() {
        return delivered.stream().map(e -> e.getMessage().getBody() instanceof ChatMessage m ? m.text()
                : "deleted " + ((DeletedMessage) e.getMessage().getBody()).messageId()).toList();
    }

    private List<Object> replayedFlags() {
        return delivered.stream().map(e -> e.getMessage().getHeader(RocketChatConstants.REPLAYED)).toList();
    }

    private void reconnect() {
        messages.onInterrupted();
        deletions.onInterrupted();
        messages.onResumed();
        deletions.onResumed();
    }

    @Test
    void aReconnectGapFillsOnceEveryPartResumedThenTheLiveEventsWithTheOverlapRemoved() {
        messages.onEvent(message("1", 1, "one"));
        messages.onInterrupted();
        deletions.onInterrupted();
        messages.onResumed();
        messages.onEvent(message("2", 2, "two")); // a part is still away: left to the gap-fill
        assertThat(askedFrom).isEmpty();
        CompletableFuture<List<StreamDelivery>> answer = new CompletableFuture<>();
        answers.add(answer);
        deletions.onResumed();
        assertThat(askedFrom).containsExactly(T); // one millisecond before the mark
        messages.onEvent(message("3", 3, "three")); // live while the gap-fill runs: waits behind it
        deletions.onEvent(deletion("1"));
        answer.complete(List.of(message("2", 2, "two"), message("3", 3, "three"), deletion("1")));

        assertThat(got()).containsExactly("one", "two", "three", "deleted 1");
        assertThat(replayedFlags()).containsExactly(null, true, true, true);
        assertThat(catchUp.deferred()).isEqualTo(1);
        assertThat(catchUp.replayed()).isEqualTo(3);
        assertThat(reports).isEmpty();
    }

    @Test
    void aFailedGapFillIsReportedHoldsLiveMessagesBackAndIsRetriedFromTheSameMark() {
        messages.onEvent(message("1", 1, "one"));
        answers.add(CompletableFuture.failedFuture(new IllegalStateException("server error")));
        reconnect();
        assertThat(reports).singleElement().asString().contains("Gap-fill (reconnect) of room GENERAL");
        assertThat(flow.status().problem()).contains("server error");
        assertThat(flow.status().catchingUp()).isTrue();
        messages.onEvent(message("3", 3, "three")); // behind: left to the retry, so the order holds

        answers.add(CompletableFuture.completedFuture(List.of(message("2", 2, "two"), message("3", 3, "three"))));
        reconnect();
        assertThat(askedFrom).containsExactly(T, T);
        messages.onEvent(message("4", 4, "four"));
        assertThat(got()).containsExactly("one", "two", "three", "four");
        assertThat(flow.status().problem()).isNull();
        assertThat(flow.status().gapFillFailures()).isEqualTo(1);
        assertThat(flow.status().gapFills()).isEqualTo(2);
    }

    @Test
    void aFullQueueDefersTheBacklogToAGapFillInsteadOfDroppingIt() {
        CompletableFuture<List<StreamDelivery>> hold = new CompletableFuture<>();
        answers.add(hold);
        // a gap-fill in flight holds the queue: live events wait, ten at most
        reconnect();
        for (int i = 1; i <= 15; i++) {
            messages.onEvent(message(String.valueOf(i), i, "m" + i));
        }
        assertThat(delivery.queuedEvents()).isEqualTo(10);
        assertThat(flow.status().catchingUp()).isTrue();
        assertThat(flow.status().deferred()).isEqualTo(5);
        List<StreamDelivery> all = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            all.add(message(String.valueOf(i), i, "m" + i));
        }
        answers.add(CompletableFuture.completedFuture(all.subList(10, 15)));
        hold.complete(List.of());

        assertThat(got()).hasSize(15).last().isEqualTo("m15");
        assertThat(askedFrom).containsExactly(T, T.plusMillis(9));
        assertThat(flow.status().dropped()).isZero();
        assertThat(delivery.peakQueuedEvents()).isEqualTo(10);
    }
}
