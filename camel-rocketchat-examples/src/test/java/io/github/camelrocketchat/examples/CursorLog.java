package io.github.camelrocketchat.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.StateRepository;

/** Diagnostics for a failed run: every cursor write of every node, in order, with its outcome. */
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

    /** Prints, for a lost message, the deliveries around it and the cursor writes of its room around them. */
    void explainLost(Deliveries raw, String room, String roomId, int n) {
        List<Deliveries.Delivery> around = raw.all().stream().filter(d -> d.room().equals(room) && Math.abs(d.n() - n) <= 2).toList();
        System.out.printf("lost %s#%d; around it: %s%n", room, n, around);
        long from = around.stream().mapToLong(Deliveries.Delivery::nanos).min().orElse(0) - 5_000_000_000L;
        long to = around.stream().mapToLong(Deliveries.Delivery::nanos).max().orElse(0) + 1_000_000_000L;
        all().stream().filter(w -> w.nanos() > from && w.nanos() < to && w.key().contains(roomId))
                .forEach(w -> System.out.printf("  cursor %s%n", w));
    }

    List<Write> all() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }
}
