package io.github.camelrocketchat.ddp;

/** Receives stream events, on the callback executor, in frame order. */
@FunctionalInterface
public interface DdpStreamListener {
    void onEvent(StreamEvent event);
}
