package io.github.camelrocketchat.session;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged state of one publication's documents: {@code added} sets, {@code changed} merges {@code fields}
 * and removes {@code cleared}, {@code removed} forgets. Touched on the DDP callback thread only.
 */
final class PublicationDocuments {
    private final String collection;
    private final Map<String, Map<String, Object>> docs = new HashMap<>();

    PublicationDocuments(String collection) {
        this.collection = collection;
    }

    PublicationChange added(String id, Map<String, Object> fields) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_id", id);
        if (fields != null) {
            doc.putAll(fields);
        }
        docs.put(id, doc);
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
        Map<String, Object> doc = docs.remove(id);
        if (doc == null) {
            doc = Map.of("_id", id);
        }
        return new PublicationChange(collection, "removed", id, snapshot(doc), Map.of());
    }

    int size() {
        return docs.size();
    }

    private static Map<String, Object> snapshot(Map<String, Object> doc) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(doc));
    }

    private static Map<String, Object> nonNull(Map<String, Object> fields) {
        return fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
