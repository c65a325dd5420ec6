package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PublicationWatchTest {
    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private SubscriptionSink<PublicationChange> sink() {
        return c -> seen.add(c.collection() + " " + c.changeType() + " " + c.documentId() + " " + c.fields());
    }

    @Test
    void withACollectionOnlyItsDocumentsArriveAndWithoutOneEveryCollectionsDo() {
        PublicationWatch one = new PublicationWatch(ddp, "userData", List.of(), "users", sink());
        ddp.added("users", "u1", Map.of("name", "A"));
        ddp.added("rooms", "r1", Map.of("t", "c"));
        assertThat(seen).containsExactly("users added u1 {name=A}");
        one.close();

        seen.clear();
        PublicationWatch all = new PublicationWatch(ddp, "multi", List.of(), null, sink());
        ddp.added("users", "u1", Map.of("name", "A"));
        ddp.added("rooms", "r1", Map.of("t", "c"));
        ddp.changed("rooms", "r1", Map.of("t", "p"), List.of());
        ddp.removed("users", "u1");
        assertThat(seen).containsExactly("users added u1 {name=A}", "rooms added r1 {t=c}", "rooms changed r1 {t=p}",
                "users removed u1 {}");
        all.close();
    }

    @Test
    void aReconnectReconcilesTheDocumentsHeldBeforeInEveryCollection() {
        PublicationWatch all = new PublicationWatch(ddp, "multi", List.of(), null, sink());
        ddp.added("users", "u1", Map.of("name", "A"));
        ddp.added("users", "u2", Map.of("name", "B"));
        ddp.added("rooms", "r1", Map.of("t", "c"));
        seen.clear();

        ddp.drop("network down");
        // the server publishes everything again on the new connection: u1 unchanged, r1 changed, u2 gone, r2 new
        ddp.added("users", "u1", Map.of("name", "A"));
        ddp.added("rooms", "r1", Map.of("t", "p"));
        ddp.added("rooms", "r2", Map.of("t", "d"));
        ddp.restore();

        assertThat(seen).containsExactly("rooms changed r1 {t=p}", "rooms added r2 {t=d}", "users removed u2 {}");
        assertThat(all.isActive()).isTrue();
        all.close();
    }
}
