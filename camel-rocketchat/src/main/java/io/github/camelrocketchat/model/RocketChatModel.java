package io.github.camelrocketchat.model;

import java.util.Map;

/**
 * A body the component produces. Every model record gives back a plain map (the wire document, dates as
 * {@link java.time.Instant}); the type converters use it for {@code Map} and JSON conversions.
 *
 * <p>Every model record is deeply immutable: its constructor keeps unmodifiable copies of the maps and lists it is
 * given ({@link Values#frozen(Object)}), because one body is shared by every consumer of an event.
 */
public interface RocketChatModel {
    /** The record as a plain, insertion-ordered map. */
    Map<String, Object> toMap();
}
