package io.github.camelrocketchat.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor repository of the file lock set-up: a directory every node sees. */
class DirectoryStateRepositoryTest {

    private static final String KEY = "rocketchat:stream-room-messages:__my_messages__:journal";

    @TempDir
    Path dir;

    private DirectoryStateRepository started() {
        DirectoryStateRepository repository = new DirectoryStateRepository(dir.resolve("cursors"));
        repository.start();
        return repository;
    }

    @Test
    void keepsOneValuePerKeyAndForgetsItOnNull() {
        DirectoryStateRepository cursors = started();

        assertThat(cursors.getState(KEY)).isNull();
        cursors.setState(KEY, "2026-12-03T08:27:42.123Z a1");
        cursors.setState(KEY, "2026-12-03T08:27:43Z b2");
        assertThat(cursors.getState(KEY)).isEqualTo("2026-12-03T08:27:43Z b2");
        cursors.setState(KEY, null);
        assertThat(cursors.getState(KEY)).isNull();
    }

    @Test
    void aNodeThatStartedEarlierReadsWhatTheLeaderWroteLater() throws Exception {
        // the reason not to use Camel's FileStateRepository: it reads its file once, when it starts
        DirectoryStateRepository follower = started();
        DirectoryStateRepository leader = started();

        leader.setState(KEY, "2026-12-03T08:27:42.123Z a1");

        assertThat(follower.getState(KEY)).isEqualTo("2026-12-03T08:27:42.123Z a1");
        try (var files = Files.list(dir.resolve("cursors"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(
                    "rocketchat%3Astream-room-messages%3A__my_messages__%3Ajournal");
        }
    }
}
