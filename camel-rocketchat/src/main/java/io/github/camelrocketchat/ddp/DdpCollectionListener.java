package io.github.camelrocketchat.ddp;

import java.util.List;
import java.util.Map;

/**
 * Collection data messages ({@code added}, {@code changed}, {@code removed}, {@code addedBefore},
 * {@code movedBefore}) for one collection. Field values are EJSON-decoded (see {@code Ejson}).
 * Called on the callback executor, in frame order.
 */
public interface DdpCollectionListener {
    default void added(String collection, String id, Map<String, Object> fields) {
    }

    default void changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
    }

    default void removed(String collection, String id) {
    }

    default void addedBefore(String collection, String id, Map<String, Object> fields, String before) {
    }

    default void movedBefore(String collection, String id, String before) {
    }
}
