package io.github.camelrocketchat.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.StateRepository;

/** Diagnostics: every cursor write of every node, in order, with its outcome. */
final class CursorLog {

    record Write(String node, String key, String value, String error, long nanos) {
    }

    private final List<Write> writes = new ArrayList<>();

    /** {@code repository} as seen by {@code node}, recording its writes here. */
    StateRepository<String, String> wrap(String node, StateRepository<String, String> repository) {
        return new StateRepository<>() {
            @Override
            public void setState(String key, String value) {
                try {
                    repository.setState(key, value);
                    add(new Write(node, key, value, null, System.nanoTime()));
                } catch (RuntimeException e) {
                    add(new Write(node, key, value, e.toString(), System.nanoTime()));
                    throw e;
                }
            }

            @Override
            public String getState(String key) {
                return repository.getState(key);
            }

            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
    }

    private void add(Write w) {
        synchronized (writes) {
            writes.add(w);
        }
    }

    List<Write> all() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }
}
