package io.github.camelrocketchat.ddp;

/** Removes a listener. Idempotent. */
@FunctionalInterface
public interface Registration extends AutoCloseable {
    @Override
    void close();
}
