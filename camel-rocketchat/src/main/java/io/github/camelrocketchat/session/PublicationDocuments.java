package io.github.camelrocketchat.session;

import io.github.camelrocketchat.model.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merged state of one publication's documents: {@code added} sets, {@code changed} merges {@code fields}
 * and removes {@code cleared}, {@code removed} forgets. Across a reconnect the documents held are marked stale;
 * the server's fresh {@code added} of a known document is then a no-op (or a {@code changed} with what differs),
 * and what stays stale when the resubscribe is ready was removed meanwhile. Touched on the DDP callback thread only.
 */
final class PublicationDocuments {
    private final String collection;
    private final Map<String, Map<String, Object>> docs = new HashMap<>();
    /** Documents held before a reconnect and not yet published again. */
    private final Set<String> stale = new HashSet<>();

    PublicationDocuments(String collection) {
        this.collection = collection;
    }

    /** The change to deliver, or null when a re-published document is unchanged. */
    PublicationChange added(String id, Map<String, Object> fields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", id);
        if (fields != null) {
            doc.putAll(fields);
        }
        Map<String, Object> before = docs.put(id, doc);
        if (stale.remove(id) && before != null) {
            if (before.equals(doc)) {
                return null;
            }
            return new PublicationChange(collection, "changed", id, snapshot(doc), difference(before, doc));
        }
        return new PublicationChange(collection, "added", id, snapshot(doc), nonNull(fields));
    }

    PublicationChange changed(String id, Map<String, Object> fields, List<String> cleared) {
        Map<String, Object> doc = docs.computeIfAbsent(id, k -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("_id", k);
            return d;
        });
        if (fields != null) {
            doc.putAll(fields);
        }
        if (cleared != null) {
            cleared.forEach(doc::remove);
        }
        return new PublicationChange(collection, "changed", id, snapshot(doc), nonNull(fields));
    }

    PublicationChange removed(String id) {
        stale.remove(id);
        Map<String, Object> doc = docs.remove(id);
        if (doc == null) {
            doc = Map.of("_id", id);
        }
        return new PublicationChange(collection, "removed", id, snapshot(doc), Map.of());
    }

    /** The connection dropped: every document held must be published again to stay. */
    void markStale() {
        stale.addAll(docs.keySet());
    }

    /** The resubscribe is ready: what was not published again is gone; its removals, in no particular order. */
    List<PublicationChange> sweepStale() {
        List<PublicationChange> out = new ArrayList<>();
        for (String id : List.copyOf(stale)) {
            out.add(removed(id));
        }
        stale.clear();
        return out;
    }

    int size() {
        return docs.size();
    }

    private static Map<String, Object> difference(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                diff.put(k, v);
            }
        });
        return Collections.unmodifiableMap(diff);
    }

    /** A deep, unmodifiable copy: the route may keep it while later changes merge into {@code doc}. */
    private static Map<String, Object> snapshot(Map<String, Object> doc) {
        return Values.frozenMap(doc);
    }

    private static Map<String, Object> nonNull(Map<String, Object> fields) {
        return fields == null ? Map.of() : Values.frozenMap(fields);
    }
}
