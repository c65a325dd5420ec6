package io.github.camelrocketchat.session;

import java.util.Map;

/**
 * One data message of a classic publication, with the document's merged state.
 *
 * @param collection the collection
 * @param changeType {@code added}, {@code changed} or {@code removed}
 * @param documentId the document id
 * @param document   the whole document after the change ({@code _id} first; for {@code removed} the last known state)
 * @param fields     the fields the message carried (empty for {@code removed})
 */
public record PublicationChange(String collection, String changeType, String documentId, Map<String, Object> document,
                                Map<String, Object> fields) {
}
