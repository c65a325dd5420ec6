package io.github.camelrocketchat.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a directory that every node sees, beside the file lock of
 * {@link HighAvailabilityConfiguration}: the cursor of the journal when no ZooKeeper is configured.
 *
 * <p>One file per key (the URL-encoded key), read on every {@link #getState} and replaced atomically on every
 * {@link #setState}. Camel's {@code FileStateRepository} does not fit here: it reads its file once, at its start, so a
 * node that takes over later in another JVM would resume from a stale mark.
 */
public final class DirectoryStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Path directory;

    public DirectoryStateRepository(Path directory) {
        this.directory = directory;
    }

    @Override
    protected void doStart() throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public String getState(String key) {
        try {
            return Files.readString(file(key), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state '" + key + "' from " + file(key), e);
        }
    }

    /** Stores {@code value} for {@code key}; a null value removes the key. */
    @Override
    public void setState(String key, String value) {
        Path target = file(key);
        try {
            if (value == null) {
                Files.deleteIfExists(target);
                return;
            }
            // a reader on another node sees the old value or the new one, never half of it
            Path tmp = Files.createTempFile(directory, ".state-", ".tmp");
            try {
                Files.writeString(tmp, value, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state '" + key + "' to " + target, e);
        }
    }

    private Path file(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A state key must not be empty");
        }
        return directory.resolve(URLEncoder.encode(key, StandardCharsets.UTF_8).replace(".", "%2E"));
    }

    @Override
    public String toString() {
        return "DirectoryStateRepository[" + directory + "]";
    }
}
